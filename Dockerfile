# attack-kb: build the jar, build the index from the pinned ATT&CK release, run on a small JRE.
#
#   docker build -t attack-kb .
#   docker build -t attack-kb --build-arg ATTACK_VERSION=18.1 .
#   docker build -t attack-kb --build-arg DATA=/data .     # offline: put the bundles in ./data first
#
# The steps are the same commands the README and CI run.

FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY src src
RUN mvn -B -q package -DskipTests

FROM eclipse-temurin:17-jre AS index
ARG ATTACK_VERSION=18.1
# Empty: download the pinned upstream release. A path: read local files copied in with the build context.
ARG DATA=
WORKDIR /app
COPY --from=build /src/target/attack-kb.jar /app/attack-kb.jar
COPY . /context
RUN if [ -n "$DATA" ]; then \
        java -Xmx512m -jar attack-kb.jar index --data "/context/${DATA#/}" --index /app/index; \
    else \
        java -Xmx512m -jar attack-kb.jar index --attack-version "$ATTACK_VERSION" --index /app/index --cache /tmp/cache; \
    fi

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 --home-dir /app attackkb
WORKDIR /app
COPY --from=index /app/attack-kb.jar /app/attack-kb.jar
COPY --from=index --chown=root:root /app/index /app/index
COPY templates /app/templates
COPY static /app/static
USER attackkb
ENV ATTACK_KB_INDEX=/app/index
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/attack-kb.jar"]
CMD ["search", "--help"]

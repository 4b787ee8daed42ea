# attack-kb in a container: build the jar, build the index at image build time, serve it read-only as a non-root
# user. The steps are the commands the README and CI run (mvn -B package; bin/attack-kb index; bin/attack-kb serve).
#
#   docker build -t attack-kb .                                  # index the pinned upstream ATT&CK release
#   docker build -t attack-kb --build-arg ATTACK_VERSION=18.1 .
#   docker build -t attack-kb --build-arg DATA=data .            # offline: put the data files in ./data first
#   docker run --rm -p 7070:7070 attack-kb

FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY src src
COPY templates templates
COPY static static
RUN mvn -B -q package -DskipTests

FROM eclipse-temurin:17-jre AS index
ARG ATTACK_VERSION=18.1
# Empty: download the pinned upstream release. A folder of the build context: read the files in it instead.
ARG DATA=
WORKDIR /app
COPY --from=build /src/target/attack-kb.jar /app/attack-kb.jar
COPY bin/attack-kb /app/bin/attack-kb
COPY . /context
# The launcher gives index the heap a full build needs (see bin/attack-kb).
RUN if [ -n "$DATA" ]; then \
        bin/attack-kb index --data "/context/${DATA#/}" --index /app/index; \
    else \
        bin/attack-kb index --attack-version "$ATTACK_VERSION" --index /app/index --cache /tmp/cache; \
    fi

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 --no-create-home attackkb
WORKDIR /app
COPY --from=index /app/attack-kb.jar /app/attack-kb.jar
COPY --from=index /app/bin/attack-kb /app/bin/attack-kb
# Baked in and owned by root: the server only reads it.
COPY --from=index /app/index /app/index
USER attackkb
ENV ATTACK_KB_INDEX=/app/index \
    ATTACK_KB_HOST=0.0.0.0 \
    ATTACK_KB_PORT=7070 \
    ATTACK_KB_RELOAD_INTERVAL=0
EXPOSE 7070
# bash's /dev/tcp: the JRE image has no curl or wget, and starting a JVM every 30 s would be wasteful.
HEALTHCHECK --interval=30s --timeout=3s --start-period=20s --retries=3 \
    CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/${ATTACK_KB_PORT} && printf 'GET /healthz HTTP/1.0\\r\\n\\r\\n' >&3 && head -1 <&3 | grep -q ' 200 '"]
# The launcher sizes the heap to the index baked in above (ATTACK_KB_INDEX), not to the host or the container's
# limit, and execs java, so java is PID 1 and gets the stop signal. ATTACK_KB_JAVA_OPTS replaces its JVM options.
ENTRYPOINT ["/app/bin/attack-kb"]
CMD ["serve"]

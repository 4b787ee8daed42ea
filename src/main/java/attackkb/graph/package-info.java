/** An entity's neighbourhood as a graph of nodes and edges, for the graph page and its API. Uses {@code records}. */
package attackkb.graph;

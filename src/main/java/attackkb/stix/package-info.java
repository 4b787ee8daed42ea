/**
 * Reading ATT&CK's STIX 2.1 bundles into the domain records of {@link attackkb.model}: no Lucene here. Uses
 * {@code model} and {@code text}.
 */
package attackkb.stix;

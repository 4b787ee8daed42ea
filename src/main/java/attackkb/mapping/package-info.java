/**
 * The frameworks mapped to ATT&CK (SP 800-53, cloud capabilities, CSA CCM, CRI Profile, VERIS, KEV …): reading
 * their mapping files and catalogs, spelling their entry IDs, and linking entries to techniques. Uses {@code model}
 * and {@code text}.
 */
package attackkb.mapping;

/** The domain records (techniques, tactics, groups, framework entries …), immutable and free of any library. */
package attackkb.model;

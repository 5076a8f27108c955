/**
 * lorebot's configuration: a git-config style file (the syntax public-inbox and b4 use), parsed with
 * JGit's {@code Config} and checked key by key into immutable records. Every key has a default, so
 * an empty file is a valid configuration; an unknown section or key, a bad value, or a single-valued
 * key given twice is a {@link org.lorebot.config.ConfigException} naming file, line and key.
 * Relative paths are taken from the configuration file's directory. README.md lists every key.
 */
package org.lorebot.config;

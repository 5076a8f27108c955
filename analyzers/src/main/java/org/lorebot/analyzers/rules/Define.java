package org.lorebot.analyzers.rules;

import org.lorebot.analyzers.clang.TokenSpan;
import org.lorebot.analyzers.patch.DiffLine;

/**
 * An object-like {@code #define} seen in the patch's new text, so that a gfp argument
 * written as a driver macro can be expanded. {@code zoneGuarded} marks a definition inside
 * an {@code #if} on {@code CONFIG_ZONE_DMA*}.
 */
record Define(String name, TokenSpan body, DiffLine line, boolean zoneGuarded) {
}

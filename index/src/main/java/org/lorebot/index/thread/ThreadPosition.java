package org.lorebot.index.thread;

/**
 * One message's place in a thread as displayed: depth 0 for a root, its children at depth 1 and so
 * on.
 *
 * @param messageId the Message-ID
 * @param depth     nesting depth under the thread's roots
 * @param ghost     true when the message is only known from other messages' references
 */
public record ThreadPosition(String messageId, int depth, boolean ghost) {
}

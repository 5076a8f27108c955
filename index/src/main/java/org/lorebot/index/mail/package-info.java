/**
 * Raw RFC 5322 messages into {@link org.lorebot.index.mail.MailMessage}s:
 * {@link org.lorebot.index.mail.MailParser} decodes headers (RFC 2047, raw 8-bit), bodies
 * (quoted-printable, base64, any charset, multipart, HTML) and reads Message-IDs, In-Reply-To
 * and References by public-inbox's rules, so lorebot's threads match lore's.
 */
package org.lorebot.index.mail;

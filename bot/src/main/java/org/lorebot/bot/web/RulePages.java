package org.lorebot.bot.web;

import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.lorebot.analyzers.rules.Rule;
import org.lorebot.analyzers.rules.RuleCatalog;

/** {@code /rules/}: lorebot's DMA rules; {@code /rules/DMA0NN}: one rule, what findings link to. */
final class RulePages {

    /** A lore Message-ID in a citation: {@code lore <id>} or {@code lore:<id>}. */
    private static final Pattern LORE = Pattern.compile("lore[: ]\\s*([^\\s;,()]+@[^\\s;,()]+)");
    /** Where a cited message this archive lacks is read. */
    static final String LORE_R = "https://lore.kernel.org/r/";

    private RulePages() {
    }

    static WebResponse index() {
        StringBuilder html = new StringBuilder("<h1>lorebot's DMA rules</h1>\n<p>What lorebot checks in the"
                + " allocation calls a patch adds or changes.</p>\n<table>\n"
                + "<tr><th>rule</th><th>severity</th><th>what</th></tr>\n");
        for (Rule r : RuleCatalog.standard().rules()) {
            html.append("<tr><td><a href=\"/rules/").append(Html.escape(r.id())).append("\">")
                    .append(Html.escape(r.id())).append("</a></td><td class=\"sev-")
                    .append(r.severity().word()).append("\">").append(r.severity().word())
                    .append("</td><td>").append(Html.escape(r.title())).append("</td></tr>\n");
        }
        html.append("</table>\n");
        return WebResponse.html(200, PageLayout.page("lorebot's DMA rules", html.toString()));
    }

    /**
     * A rule's page.
     *
     * @param archived whether this archive holds a cited Message-ID; cited mail it lacks is
     *                 linked to lore, never to a local 404
     */
    static WebResponse rule(String id, Predicate<String> archived) throws WebException {
        Rule r = RuleCatalog.standard().find(id)
                .orElseThrow(() -> WebException.notFound("no rule '" + id + "'; see /rules/"));
        StringBuilder html = new StringBuilder();
        html.append("<h1>").append(Html.escape(r.id())).append(": ").append(Html.escape(r.title()))
                .append("</h1>\n<p>Severity: <span class=\"sev-").append(r.severity().word()).append("\">")
                .append(r.severity().word()).append("</span></p>\n<h2>Why</h2>\n<p>")
                .append(Html.escape(r.explanation())).append("</p>\n<h2>Fix</h2>\n<p>")
                .append(Html.escape(r.fix())).append("</p>\n");
        if (!r.citations().isEmpty()) {
            html.append("<h2>References</h2>\n<ul>\n");
            for (String citation : r.citations()) {
                html.append("<li>").append(citation(citation, archived)).append("</li>\n");
            }
            html.append("</ul>\n");
        }
        html.append("<p><a href=\"/rules/\">all rules</a></p>\n");
        return WebResponse.html(200, PageLayout.page(r.id() + ": " + r.title(), html.toString()));
    }

    /** A citation, its lore Message-IDs linked to this archive's {@code /r/} or else to lore's. */
    private static String citation(String text, Predicate<String> archived) {
        StringBuilder out = new StringBuilder();
        Matcher m = LORE.matcher(text);
        int at = 0;
        while (m.find()) {
            out.append(Html.escape(text.substring(at, m.start(1))));
            String where = archived.test(m.group(1)) ? "/r/" : LORE_R;
            out.append("<a href=\"").append(where).append(PercentCoding.encode(m.group(1))).append("/\">")
                    .append(Html.escape(m.group(1))).append("</a>");
            at = m.end(1);
        }
        return out.append(Html.escape(text.substring(at))).toString();
    }
}

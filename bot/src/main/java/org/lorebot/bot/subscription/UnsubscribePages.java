package org.lorebot.bot.subscription;

import java.time.Clock;
import java.util.List;
import org.lorebot.bot.web.Html;
import org.lorebot.bot.web.PageLayout;
import org.lorebot.bot.web.WebException;
import org.lorebot.bot.web.WebRequest;
import org.lorebot.bot.web.WebResponse;
import org.lorebot.bot.web.WebRoute;

/**
 * The web side of unsubscribing, mounted on the web archive: {@code GET /unsubscribe/<token>}
 * shows whose subscription the link ends and a button, changing nothing (mail scanners and link
 * previews fetch links); {@code POST /unsubscribe/<token>} ends it. The {@code POST} is what a
 * mail client sends for RFC 8058's one-click unsubscribe ({@code List-Unsubscribe=One-Click} in
 * the body), and what the button sends.
 */
public final class UnsubscribePages {

    /** The path prefix of unsubscribe links; digests point at {@code <web-url>/unsubscribe/<token>}. */
    public static final String PREFIX = "/unsubscribe/";

    private UnsubscribePages() {
    }

    /** The two routes, for {@code WebServer.start}. */
    public static List<WebRoute> routes(SubscriptionManager manager, Clock clock) {
        return List.of(
                WebRoute.of("GET", PREFIX, request -> {
                    String token = token(request);
                    return confirmPage(manager.previewUnsubscribe(token, clock.instant()), token);
                }),
                WebRoute.of("POST", PREFIX, request -> donePage(manager.unsubscribe(token(request), clock.instant()))));
    }

    private static String token(WebRequest request) throws WebException {
        return request.pathAfter(PREFIX).strip();
    }

    private static WebResponse confirmPage(Outcome would, String token) {
        if (would.result() != Outcome.Result.UNSUBSCRIBED) {
            return page(status(would), would);
        }
        String html = "<h1>Unsubscribe from lorebot digests</h1>\n<p>Stop sending digests to <strong>"
                + Html.escape(would.address()) + "</strong>?</p>\n"
                // a verified token holds only URL-safe characters: base64url and dots
                + "<form method=\"post\" action=\"" + Html.escape(PREFIX + token)
                + "\">\n<input type=\"hidden\" name=\"List-Unsubscribe\" value=\"One-Click\">\n"
                + "<button type=\"submit\">Unsubscribe</button>\n</form>\n";
        return WebResponse.html(200, PageLayout.page("Unsubscribe", html));
    }

    private static WebResponse donePage(Outcome outcome) {
        return page(status(outcome), outcome);
    }

    private static WebResponse page(int status, Outcome outcome) {
        String title = outcome.result().refused() ? "Link not valid" : "lorebot digests";
        return WebResponse.html(status, PageLayout.page(title,
                "<h1>" + Html.escape(title) + "</h1>\n<p>" + Html.escape(outcome.describe()) + "</p>\n"));
    }

    private static int status(Outcome o) {
        return switch (o.result()) {
            case FORGED -> 403;
            case EXPIRED -> 410;
            case INVALID -> 400;
            default -> 200;
        };
    }
}

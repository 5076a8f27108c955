package org.lorebot.bot.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.lorebot.bot.series.LabeledCorpus;
import org.lorebot.bot.series.PatchMail;

/** The policy's first gate on every real labelled message: patches in, replies and covers out. */
class LabeledPolicyTest {

    @Test
    void admitsPatchesAndSkipsRepliesAndCoverLettersOfTheCorpus() throws Exception {
        ReviewPolicy policy = new ReviewPolicy(PolicySettings.defaults("lorebot@example.org").withLists(Set.of("lkml")));
        ReviewHistory history = new ReviewHistory(false, 0, 0, Instant.EPOCH, Set.of());
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (String[] row : LabeledCorpus.labels()) {
            PatchMail mail = PatchMail.of(LabeledCorpus.read(row[0]));
            Reason expected = switch (row[1]) {
                case "patch" -> Reason.ADMITTED;
                case "cover" -> Reason.COVER_LETTER;
                case "reply" -> Reason.REPLY;
                default -> throw new IllegalStateException("unknown kind " + row[1]);
            };
            Reason got = policy.admit(mail, "lkml", history, Instant.parse("2030-01-01T00:00:00Z")).reason();
            if (got != expected) {
                wrong.add(row[0] + ": " + got + " instead of " + expected);
            }
            checked++;
        }
        assertEquals(30, checked);
        assertEquals(List.of(), wrong);
    }
}

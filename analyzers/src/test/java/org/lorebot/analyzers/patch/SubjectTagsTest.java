package org.lorebot.analyzers.patch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SubjectTagsTest {

    @Test
    void versionAndNumbering() {
        SubjectTags t = SubjectTags.parse("[PATCH v3 2/7] mtd: spi-nor: add support for foo");
        assertTrue(t.patch());
        assertEquals(3, t.version());
        assertEquals(2, t.index());
        assertEquals(7, t.total());
        assertEquals("mtd: spi-nor: add support for foo", t.title());
        assertFalse(t.reply());
    }

    @Test
    void rfcResendAndTreePrefix() {
        SubjectTags t = SubjectTags.parse("[RFC PATCH net-next v2 0/3] net: rocker: dma");
        assertTrue(t.rfc());
        assertEquals(2, t.version());
        assertTrue(t.isCoverLetterNumber());
        assertEquals(List.of("net-next"), t.prefixes());
        SubjectTags r = SubjectTags.parse("[PATCH RESEND] foo");
        assertTrue(r.resend());
        assertEquals(1, r.version());
    }

    @Test
    void gluedVersionAndSeparateGroups() {
        SubjectTags t = SubjectTags.parse("[PATCHv4 01/11] [RFC] ubifs: x");
        assertEquals(4, t.version());
        assertEquals(1, t.index());
        assertEquals(11, t.total());
        assertTrue(t.rfc());
        assertEquals("ubifs: x", t.title());
    }

    @Test
    void repliesInSeveralLanguagesAndNesting() {
        assertTrue(SubjectTags.parse("Re: [PATCH 1/2] x").reply());
        assertTrue(SubjectTags.parse("RE: Re: [PATCH] x").reply());
        assertTrue(SubjectTags.parse("AW: [PATCH] x").reply());
        SubjectTags t = SubjectTags.parse("Re: [PATCH v2 1/2] mm: y");
        assertEquals("mm: y", t.title());
        assertEquals(2, t.version());
        assertFalse(SubjectTags.parse("Rework of the NAND core").reply(),
                "a word starting with Re is not a reply prefix");
    }

    @Test
    void pullRequestAndStableBackport() {
        SubjectTags pull = SubjectTags.parse("[GIT PULL] mtd: changes for 5.4");
        assertTrue(pull.pull());
        assertFalse(pull.patch());
        SubjectTags stable = SubjectTags.parse("[PATCH 5.10 012/123] mtd: fix");
        assertEquals(List.of("5.10"), stable.prefixes());
        assertEquals(12, stable.index());
    }

    @Test
    void normalizedTitleLinksVersions() {
        assertEquals(SubjectTags.parse("[PATCH v1 2/5] MTD:  Fix   foo").normalizedTitle(),
                SubjectTags.parse("[PATCH v7 3/6] mtd: fix foo").normalizedTitle());
    }
}

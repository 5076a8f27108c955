package org.lorebot.analyzers.patch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Patches written by the real {@code git format-patch} must parse into the files, change kinds
 * and line counts git itself reports, and give the patch-id of {@code git patch-id --stable}.
 */
class AgainstGitTest {

    @TempDir
    static Path tmp;
    static GitRepo repo;
    static List<String> commits = new ArrayList<>();

    @BeforeAll
    static void history() throws Exception {
        repo = new GitRepo(tmp);
        repo.write("drivers/mtd/nand/core.c", lines("int x;", 40));
        repo.write("drivers/mtd/old name.c", lines("static int y;", 30));
        repo.write("mm/dmapool.c", "void *p = kmalloc(32, GFP_KERNEL);\n");
        repo.write("scripts/run.sh", "#!/bin/sh\necho hi\n");
        repo.writeBytes("firmware/blob.bin", new byte[] {0, 1, 2, 3, 0, 5});
        repo.commit("initial");

        // A modification in two hunks plus a new file.
        String core = lines("int x;", 40)
                .replaceFirst("int x;\n", "int x;\nbuf = kmalloc(64, GFP_KERNEL | GFP_DMA);\n");
        repo.write("drivers/mtd/nand/core.c", core.replace("int x;\nint x;\nint x;\n"
                + "int x;\nint x;\nint x;\nint x;\nint x;\nint x;\nint x;\nint x;\nint x;\n"
                + "int x;\nint x;\nint x;\nint x;\nint x;\nint x;\nint x;\nint x;\nint x;\n",
                "int x;\nint x;\nint x;\nint x;\nint x;\nint x;\nint x;\nint x;\nint x;\n"
                + "int x;\nint x;\nint x;\nint x;\nint x;\nint x;\nint x;\nint x;\nint x;\n"
                + "int z;\n"));
        repo.write("drivers/mtd/nand/new.c", "/* new */\nvoid f(void)\n{\n}\n");
        commit("mtd: nand: use GFP_DMA");

        // A rename with a space in the name, and a deletion.
        repo.git("mv", "drivers/mtd/old name.c", "drivers/mtd/new name.c");
        repo.git("rm", "-q", "mm/dmapool.c");
        commit("mtd: rename, mm: delete");

        // A mode change, a binary change and a file without a newline at its end.
        Files.setPosixFilePermissions(tmp.resolve("scripts/run.sh"),
                PosixFilePermissions.fromString("rwxr-xr-x"));
        repo.writeBytes("firmware/blob.bin", new byte[] {0, 1, 9, 3, 0, 5, 7});
        repo.write("include/nonl.h", "#define A 1\n#define B 2");
        commit("misc: mode, binary, no newline");

        // Whitespace only differences in a later change must not matter to the patch-id.
        repo.write("include/nonl.h", "#define A 1\n#define B 3\n");
        commit("nonl: fix");
    }

    private static void commit(String message) throws Exception {
        repo.commit(message);
        commits.add(repo.git("rev-parse", "HEAD").strip());
    }

    private static String lines(String line, int n) {
        return (line + "\n").repeat(n);
    }

    private static String formatPatch(String commit) throws Exception {
        return repo.git("format-patch", "--stdout", "--binary", "-M", "-1", commit);
    }

    private static String body(String formatPatch) {
        // Mail headers end at the first blank line; the parser gets the body as a mailer shows it.
        return formatPatch.substring(formatPatch.indexOf("\n\n") + 2);
    }

    @Test
    void patchIdEqualsGitStablePatchId() throws Exception {
        for (String c : commits) {
            String patch = formatPatch(c);
            String git = repo.gitWithInput(patch, "patch-id", "--stable").split(" ")[0];
            assertEquals(git, PatchId.of(patch), "patch-id of " + c);
            assertEquals(git, PatchId.of(body(patch)), "patch-id of the body of " + c);
        }
    }

    @Test
    void patchIdIgnoresWhitespaceAndFileOrder() throws Exception {
        String patch = formatPatch(commits.get(0));
        String reindented = patch.replace("+buf = kmalloc(64, GFP_KERNEL | GFP_DMA);",
                "+buf  =  kmalloc(64,GFP_KERNEL|GFP_DMA);");
        assertEquals(PatchId.of(patch), PatchId.of(reindented));
        String oneFileFirst = repo.git("format-patch", "--stdout", "-1", commits.get(0),
                "-O/dev/null", "--", "drivers/mtd/nand/new.c", "drivers/mtd/nand/core.c");
        String git = repo.gitWithInput(oneFileFirst, "patch-id", "--stable").split(" ")[0];
        assertEquals(git, PatchId.of(oneFileFirst));
    }

    @Test
    void patchIdOfALineWithANulByteEqualsGits() throws Exception {
        String patch = "diff --git a/x.c b/x.c\nindex 1111111..2222222 100644\n--- a/x.c\n+++ b/x.c\n"
                + "@@ -1,2 +1,2 @@\n int a;\n-char s[] = \"ab\";\n+char s[] = \"a\0b c\";\n";
        String git = repo.gitWithInput(patch, "patch-id", "--stable").split(" ")[0];
        assertEquals(git, PatchId.of(patch));
        assertNotEquals(PatchId.of(patch.replace("\0", "")), PatchId.of(patch), "the NUL must matter");
    }

    @Test
    void filesAndChangeKindsMatchGitNameStatus() throws Exception {
        for (String c : commits) {
            Map<String, String> git = new TreeMap<>();
            for (String row : repo.git("diff-tree", "-r", "-M", "--no-commit-id", "--name-status",
                    "-z", c).split("\0(?=[A-Z])")) {
                String[] f = row.split("\0");
                if (f.length < 2) {
                    continue;
                }
                git.put(f[f.length - 1], f[0].substring(0, 1));
            }
            Map<String, String> ours = new TreeMap<>();
            Patch p = PatchParser.parse("[PATCH] x", body(formatPatch(c)));
            for (FileDiff f : p.files()) {
                ours.put(f.path(), switch (f.change()) {
                    case ADDED -> "A";
                    case DELETED -> "D";
                    case RENAMED -> "R";
                    case COPIED -> "C";
                    case MODIFIED -> "M";
                });
            }
            assertEquals(git, ours, "files of " + c);
        }
    }

    @Test
    void lineCountsMatchGitNumstat() throws Exception {
        for (String c : commits) {
            Map<String, String> git = new TreeMap<>();
            for (String row : repo.git("diff-tree", "-r", "-M", "--no-commit-id", "--numstat", c)
                    .split("\n")) {
                String[] f = row.split("\t");
                if (f.length == 3 && !f[0].equals("-")) {
                    // git writes a rename as "dir/{old => new}"
                    String path = f[2].replaceAll("\\{[^}]* => ([^}]*)\\}", "$1");
                    git.put(path, f[0] + "+" + f[1] + "-");
                }
            }
            Map<String, String> ours = new TreeMap<>();
            for (FileDiff f : PatchParser.parse("", body(formatPatch(c))).files()) {
                if (f.binary()) {
                    continue;
                }
                long added = f.hunks().stream().flatMap(h -> h.lines().stream())
                        .filter(l -> l.kind() == DiffLine.Kind.ADDED).count();
                long removed = f.hunks().stream().flatMap(h -> h.lines().stream())
                        .filter(l -> l.kind() == DiffLine.Kind.REMOVED).count();
                ours.put(f.path(), added + "+" + removed + "-");
            }
            assertEquals(git, ours, "numstat of " + c);
        }
    }

    @Test
    void lineNumbersPointIntoTheNewFile() throws Exception {
        Patch p = PatchParser.parse("", body(formatPatch(commits.get(0))));
        FileDiff core = p.files().stream().filter(f -> f.path().endsWith("core.c")).findFirst()
                .orElseThrow();
        DiffLine added = core.hunks().get(0).lines().stream()
                .filter(l -> l.kind() == DiffLine.Kind.ADDED).findFirst().orElseThrow();
        assertEquals("buf = kmalloc(64, GFP_KERNEL | GFP_DMA);", added.text());
        String file = repo.git("show", commits.get(0) + ":drivers/mtd/nand/core.c");
        assertEquals(added.text(), file.split("\n")[added.newLine() - 1]);
        assertNotNull(p.patchId());
    }

    @Test
    void renameKeepsBothNamesAndModeChangeIsSeen() throws Exception {
        Patch rename = PatchParser.parse("", body(formatPatch(commits.get(1))));
        FileDiff r = rename.files().stream().filter(f -> f.change() == FileChange.RENAMED)
                .findFirst().orElseThrow();
        assertEquals("drivers/mtd/old name.c", r.oldPath());
        assertEquals("drivers/mtd/new name.c", r.newPath());
        Patch misc = PatchParser.parse("", body(formatPatch(commits.get(2))));
        FileDiff script = misc.files().stream().filter(f -> f.path().equals("scripts/run.sh"))
                .findFirst().orElseThrow();
        assertEquals("100644", script.oldMode());
        assertEquals("100755", script.newMode());
        FileDiff blob = misc.files().stream().filter(f -> f.path().equals("firmware/blob.bin"))
                .findFirst().orElseThrow();
        assertEquals(true, blob.binary());
        assertEquals(3, misc.files().size(), "the binary payload must not hide the next file");
    }
}

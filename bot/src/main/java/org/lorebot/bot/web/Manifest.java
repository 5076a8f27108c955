package org.lorebot.bot.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;

import org.eclipse.jgit.errors.IncorrectObjectTypeException;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

/**
 * grokmirror's {@code manifest.js.gz}: one entry per epoch, keyed {@code /LIST/git/N.git}, with
 * the fingerprint (SHA-1 of the {@code git show-ref} lines) that tells a mirror whether to fetch
 * and the commit time of the newest tip as {@code modified}.
 */
final class Manifest {

    private static final JsonFactory JSON = new JsonFactory();

    private final Epochs epochs;

    Manifest(Epochs epochs) {
        this.epochs = epochs;
    }

    /** The gzip-compressed manifest of every epoch, or of {@code list}'s. */
    byte[] gzip(Optional<String> list) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes);
             JsonGenerator json = JSON.createGenerator(gz, JsonEncoding.UTF8)) {
            json.writeStartObject();
            for (Epochs.Epoch epoch : epochs.all(list)) {
                json.writeObjectFieldStart(epoch.manifestPath());
                try (Repository repo = new FileRepositoryBuilder().setGitDir(epoch.gitDir().toFile())
                        .setMustExist(true).build()) {
                    List<Ref> refs = repo.getRefDatabase().getRefs();
                    json.writeStringField("fingerprint", fingerprint(refs));
                    json.writeNumberField("modified", modified(repo, refs));
                }
                json.writeStringField("description", epoch.list() + " epoch " + epoch.number());
                json.writeNullField("owner");
                json.writeNullField("reference");
                json.writeEndObject();
            }
            json.writeEndObject();
        }
        return bytes.toByteArray();
    }

    private static String fingerprint(List<Ref> refs) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            refs.stream().filter(r -> r.getObjectId() != null && !r.isSymbolic())
                    .sorted((a, b) -> a.getName().compareTo(b.getName()))
                    .forEach(r -> sha1.update((r.getObjectId().name() + " " + r.getName() + "\n")
                            .getBytes(StandardCharsets.UTF_8)));
            return HexFormat.of().formatHex(sha1.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-1", e);
        }
    }

    private static long modified(Repository repo, List<Ref> refs) throws IOException {
        long newest = 0;
        try (RevWalk walk = new RevWalk(repo)) {
            for (Ref ref : refs) {
                if (ref.getObjectId() == null) {
                    continue;
                }
                try {
                    RevCommit tip = walk.parseCommit(ref.getObjectId());
                    newest = Math.max(newest, tip.getCommitTime());
                } catch (IncorrectObjectTypeException notACommit) {
                    // a tag of a blob or the like: no time to take
                }
            }
        }
        return newest;
    }
}

package org.lorebot.bot.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.PacketLineOut;
import org.eclipse.jgit.transport.RefAdvertiser;
import org.eclipse.jgit.transport.UploadPack;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Each inbox epoch read-only over git's smart HTTP, where lore serves it: {@code /LIST/N} and
 * {@code /LIST/git/N.git} (so {@code git clone http://host/LIST/0} works, and so do grokmirror,
 * lei and {@code lorebot fetch}), and grokmirror's {@code manifest.js.gz} at {@code /} and
 * {@code /LIST/}. Packs are made by JGit's upload-pack; nothing can be pushed. Other requests
 * fall through to the archive's pages.
 */
final class GitEndpoints extends Handler.Abstract {

    private static final Logger LOG = LoggerFactory.getLogger(GitEndpoints.class);
    /** {@code /LIST/N/...} or {@code /LIST/git/N.git/...}, then what git asks for. */
    private static final Pattern GIT_PATH = Pattern.compile(
            "/([A-Za-z0-9._-]+)/(?:git/)?(0|[1-9][0-9]{0,5})(\\.git)?/(info/refs|git-upload-pack)");
    private static final Pattern MANIFEST = Pattern.compile("/(?:([A-Za-z0-9._-]+)/)?manifest\\.js\\.gz");
    private static final String SERVICE = "git-upload-pack";
    /** Packs being sent at once: a clone is long, and pages must still find workers. */
    private static final int MAX_UPLOADS = 4;

    private final Epochs epochs;
    private final Manifest manifest;
    private final HeaderDeadline deadline;
    private final Semaphore uploads = new Semaphore(MAX_UPLOADS);

    GitEndpoints(Archive archive, HeaderDeadline deadline) {
        this.epochs = new Epochs(archive.config());
        this.manifest = new Manifest(epochs);
        this.deadline = deadline;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String path = request.getHttpURI().getPath();
        Matcher git = GIT_PATH.matcher(path);
        Matcher manifestPath = MANIFEST.matcher(path);
        if (!git.matches() && !manifestPath.matches()) {
            return false;
        }
        deadline.requestStarted(request);
        if (manifestPath.matches()) {
            if (!isGet(request)) {
                return refuse(response, callback, 405, "manifest.js.gz is read with GET");
            }
            byte[] body = manifest.gzip(Optional.ofNullable(manifestPath.group(1)));
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/gzip");
            response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
            response.write(true, ByteBuffer.wrap(request.getMethod().equals("HEAD") ? new byte[0] : body),
                    callback);
            return true;
        }
        Optional<Epochs.Epoch> epoch = epochs.find(git.group(1), Integer.parseInt(git.group(2)));
        if (epoch.isEmpty()) {
            return refuse(response, callback, 404, "no git epoch " + git.group(2) + " of "
                    + git.group(1) + " here");
        }
        if (git.group(4).equals("info/refs")) {
            if (!isGet(request)) {
                return refuse(response, callback, 405, "info/refs is read with GET");
            }
            if (!SERVICE.equals(Request.extractQueryParameters(request).getValue("service"))) {
                return refuse(response, callback, 403, "only git's smart HTTP (service="
                        + SERVICE + ") is served, and nothing can be pushed");
            }
            advertise(epoch.get(), response, callback);
        } else {
            if (!request.getMethod().equals("POST")) {
                return refuse(response, callback, 405, SERVICE + " is POSTed");
            }
            if (!uploads.tryAcquire()) {
                response.getHeaders().put(HttpHeader.RETRY_AFTER, "30");
                return refuse(response, callback, 503, "too many clones at once; try again shortly");
            }
            try {
                upload(epoch.get(), request, response, callback);
            } finally {
                uploads.release();
            }
        }
        return true;
    }

    private static void advertise(Epochs.Epoch epoch, Response response, Callback callback) throws IOException {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/x-" + SERVICE + "-advertisement");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-cache");
        try (Repository repo = open(epoch); OutputStream out = Content.Sink.asOutputStream(response)) {
            UploadPack pack = new UploadPack(repo);
            pack.setBiDirectionalPipe(false);
            PacketLineOut lines = new PacketLineOut(out);
            lines.writeString("# service=" + SERVICE + "\n");
            lines.end();
            pack.sendAdvertisedRefs(new RefAdvertiser.PacketLineOutRefAdvertiser(lines));
        } catch (IOException e) {
            callback.failed(e);
            return;
        }
        callback.succeeded();
    }

    private static void upload(Epochs.Epoch epoch, Request request, Response response, Callback callback) {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/x-" + SERVICE + "-result");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-cache");
        try (Repository repo = open(epoch);
             InputStream raw = Content.Source.asInputStream(request);
             InputStream in = "gzip".equals(request.getHeaders().get(HttpHeader.CONTENT_ENCODING))
                     ? new GZIPInputStream(raw) : raw;
             OutputStream out = Content.Sink.asOutputStream(response)) {
            UploadPack pack = new UploadPack(repo);
            pack.setBiDirectionalPipe(false);
            pack.upload(in, out, null);
        } catch (IOException | RuntimeException e) {
            // a client that hung up or sent nonsense: one line, the client has its error already
            LOG.info("git-upload-pack of {} for {} failed: {}", epoch.manifestPath(),
                    Request.getRemoteAddr(request), e.toString());
            callback.failed(e);
            return;
        }
        callback.succeeded();
    }

    private static Repository open(Epochs.Epoch epoch) throws IOException {
        return new FileRepositoryBuilder().setGitDir(epoch.gitDir().toFile()).setMustExist(true).build();
    }

    private static boolean isGet(Request request) {
        return request.getMethod().equals("GET") || request.getMethod().equals("HEAD");
    }

    private static boolean refuse(Response response, Callback callback, int status, String message) {
        SiteHandler.send(response, WebResponse.text(status, message + "\n"), false, callback);
        return true;
    }
}

package org.lorebot.bot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher script ({@code src/main/launcher/lorebot}) as a user runs it: a real JVM started
 * by it reports the collector and JIT options it got. The script runs whatever lorebot.jar lies
 * beside it, so the test puts a small jar there whose main prints them.
 */
class LauncherTest {

    @TempDir
    static Path dir;

    @BeforeAll
    static void install() throws IOException {
        Path launcher = dir.resolve("lorebot");
        Files.copy(Path.of("src/main/launcher/lorebot"), launcher, StandardCopyOption.REPLACE_EXISTING);
        assertTrue(launcher.toFile().setExecutable(true));
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, Report.class.getName());
        String entry = Report.class.getName().replace('.', '/') + ".class";
        try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(dir.resolve("lorebot.jar")), manifest);
             InputStream in = LauncherTest.class.getClassLoader().getResourceAsStream(entry)) {
            jar.putNextEntry(new JarEntry(entry));
            in.transferTo(jar);
            jar.closeEntry();
        }
    }

    @Test
    void shortCommandsRunOnTheSerialCollectorAndQuickJit() throws Exception {
        for (String command : List.of("ingest", "search", "check")) {
            String report = launch(Map.of(), command);
            assertTrue(report.contains("MarkSweepCompact"), command + ": " + report);
            assertTrue(report.contains("-XX:TieredStopAtLevel=1"), command + ": " + report);
        }
    }

    @Test
    void daemonAndWebServerKeepTheJvmsDefaults() throws Exception {
        for (String command : List.of("run", "serve")) {
            String report = launch(Map.of(), command);
            assertTrue(report.contains("G1 Young Generation"), command + ": " + report);
            assertFalse(report.contains("TieredStopAtLevel"), command + ": " + report);
        }
    }

    @Test
    void aCollectorInJavaOptsReplacesTheLaunchers() throws Exception {
        // the JVM refuses to start with two collectors named
        String report = launch(Map.of("JAVA_OPTS", "-XX:+UseParallelGC"), "ingest");
        assertTrue(report.contains("PS Scavenge"), report);
        assertTrue(report.contains("-XX:TieredStopAtLevel=1"), report);
    }

    @Test
    void argumentsReachTheJarUnchanged() throws Exception {
        String report = launch(Map.of(), "search", "s:\"two words\"", "--limit", "5");
        assertTrue(report.contains("args: [search, s:\"two words\", --limit, 5]"), report);
    }

    private static String launch(Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(dir.resolve("lorebot").toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().remove("JAVA_OPTS");
        builder.environment().putAll(env);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "launcher did not end: " + output);
        assertEquals(0, process.exitValue(), output);
        return output;
    }

    /** The main of the stand-in jar: what the JVM was started with (collectors by their beans). */
    public static final class Report {
        public static void main(String[] args) {
            System.out.println("gc: " + ManagementFactory.getGarbageCollectorMXBeans().stream()
                    .map(GarbageCollectorMXBean::getName).collect(Collectors.joining(", ")));
            System.out.println("jvm: " + ManagementFactory.getRuntimeMXBean().getInputArguments());
            System.out.println("args: " + List.of(args));
        }
    }
}

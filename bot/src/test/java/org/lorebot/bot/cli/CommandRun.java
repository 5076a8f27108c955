package org.lorebot.bot.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import picocli.CommandLine;

/** One in-process run of the {@code lorebot} command line, with what it printed. */
public record CommandRun(int exit, String out, String err) {

    public static CommandRun lorebot(String... args) {
        return lorebot(Clock.systemUTC(), args);
    }

    /** A run with {@code clock} as the time {@code run} sees. */
    public static CommandRun lorebot(Clock clock, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Lorebot.commandLine(clock);
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args);
        return new CommandRun(exit, out.toString(), err.toString());
    }

    public List<String> outLines() {
        return out.isEmpty() ? List.of() : Arrays.asList(out.split("\n"));
    }

    /** Standard output read as one JSON object a line, as {@code --json} prints it. */
    public List<JsonNode> jsonLines() throws JsonProcessingException {
        ObjectMapper mapper = new ObjectMapper();
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : outLines()) {
            nodes.add(mapper.readTree(line));
        }
        return nodes;
    }

    @Override
    public String toString() {
        return "exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
}

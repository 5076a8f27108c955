package org.lorebot.analyzers.rules;

/** A family of rules run over each C file of a patch. */
interface Check {
    void check(PatchScan patch, FileScan file, Report report);
}

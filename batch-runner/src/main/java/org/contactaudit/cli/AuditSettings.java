package org.contactaudit.cli;

import java.nio.file.Path;
import org.contactaudit.audit.Policy;
import org.contactaudit.io.InputPaths;
import org.contactaudit.io.ReadOptions;
import org.contactaudit.phone.Pseudonymizer;

/**
 * The checked settings of one run, as the job needs them.
 *
 * @param paths the input files
 * @param read how to read them
 * @param out the output folder, or null (validate without output)
 * @param overwrite whether an existing output folder is replaced
 * @param policy the policy
 * @param threads threads that judge
 * @param shadowMinHolders k of the shadow profiles
 * @param key the pseudonymization key, or null (validate)
 * @param pseudonymizeAccounts whether account ids are pseudonymized too
 * @param failOnLeakRate the leak budget, or null
 * @param maxRejectRate the reject budget, or null
 */
record AuditSettings(
    InputPaths paths,
    ReadOptions read,
    Path out,
    boolean overwrite,
    Policy policy,
    int threads,
    int shadowMinHolders,
    Pseudonymizer key,
    boolean pseudonymizeAccounts,
    Double failOnLeakRate,
    Double maxRejectRate) {}

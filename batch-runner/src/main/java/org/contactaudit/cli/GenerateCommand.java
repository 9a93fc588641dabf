package org.contactaudit.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.contactaudit.generate.DatasetGenerator;
import org.contactaudit.generate.DatasetShape;
import org.contactaudit.generate.GeneratorConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code contact-audit generate}: writes a synthetic dataset (accounts, phonebook uploads,
 * consents, recommendations and {@code shape.json}) and prints its shape.
 */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    description = {
      "Writes a synthetic dataset of the four input files (accounts, contacts, consents,"
          + " recommendations) and shape.json into a folder, and prints its shape.",
      "The same options and seed give byte-identical files.",
      "",
      "Besides realistic phonebooks it makes the cases of the refinements of docs/POLICY.md:",
      "- Recycled numbers: --recycled-number-share of the deleted accounts hand their number to"
          + " an account that registers at the deletion (25%% of hand-overs) or up to 90 days"
          + " after it; the entries that held the number stay in other phonebooks.",
      "- Uploads before registration: registrations are spread over the window, so about 40%% of"
          + " the entries that hold an account's number are uploaded before it"
          + " registered. --pre-registration-consent-share of the accounts so uploaded get a"
          + " granted discoverable_by_phone record made before registering (half with an unknown"
          + " updated_at) instead of the usual history; half of them grant it again at or after"
          + " registering (a fifth of those at the instant of registration).",
      "- Stale evidence: --stale-share of the recommendations are shown at (25%% of them) or"
          + " after the deletion of the only entry that links viewer and candidate.",
      "- Explanations: --explanation-mix; 10%% of the non-empty cells in odd case or with"
          + " surrounding blanks.",
      "shape.json counts each case under \"refinements\".",
      ""
    })
public final class GenerateCommand implements Callable<Integer> {
  private static final GeneratorConfig DEFAULTS = GeneratorConfig.builder().build();

  @Spec private CommandSpec spec;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "DIR",
      description =
          "The folder to write into: made when missing; an existing one must be empty unless"
              + " --overwrite.")
  private Path out;

  @Option(
      names = "--overwrite",
      description = "Write into a folder that is not empty, replacing files of the same name.")
  private boolean overwrite;

  @Option(
      names = "--accounts",
      paramLabel = "N",
      description = "Number of accounts (default: ${DEFAULT-VALUE}).")
  private int accounts = DEFAULTS.accounts();

  @Option(
      names = "--seed",
      paramLabel = "N",
      description = "Seed of the random choices (default: ${DEFAULT-VALUE}).")
  private long seed = DEFAULTS.seed();

  @Option(
      names = "--default-region",
      paramLabel = "R",
      description = "Region of the numbers, e.g. CN or US (default: ${DEFAULT-VALUE}).")
  private String defaultRegion = DEFAULTS.defaultRegion();

  @Option(names = "--gzip", description = "Write .csv.gz files.")
  private boolean gzip;

  @Option(
      names = "--mean-phonebook",
      paramLabel = "N",
      description =
          "Mean phonebook size; the median is about 0.75 of it (default: ${DEFAULT-VALUE}).")
  private double meanPhonebook = DEFAULTS.meanPhonebook();

  @Option(
      names = "--max-phonebook",
      paramLabel = "N",
      description = "Largest phonebook (default: ${DEFAULT-VALUE}).")
  private int maxPhonebook = DEFAULTS.maxPhonebook();

  @Option(
      names = "--shadow-share",
      paramLabel = "S",
      description =
          "Share of uploaded numbers that belong to no account (default: ${DEFAULT-VALUE}).")
  private double shadowShare = DEFAULTS.shadowShare();

  @Option(
      names = "--recommendations",
      paramLabel = "N",
      description = "Mean recommendations per account (default: ${DEFAULT-VALUE}).")
  private double recommendations = DEFAULTS.recommendationsPerAccount();

  @Option(
      names = "--consent-mix",
      paramLabel = "NONE,DEFAULT,EXPLICIT[,GRANTED,CHANGED]",
      split = ",",
      description = {
        "Per account and setting: shares with no record, a default record only, an explicit one"
            + " (summing to 1); optionally the chance that an explicit choice grants and that a"
            + " value is changed later (default: 0.1,0.3,0.6,0.7,0.15)."
      })
  private double[] consentMix;

  @Option(
      names = "--junk-share",
      paramLabel = "S",
      description = "Share of upload rows followed by a junk row (default: ${DEFAULT-VALUE}).")
  private double junkShare = DEFAULTS.junkShare();

  @Option(
      names = "--duplicate-share",
      paramLabel = "S",
      description = "Share of upload rows written twice (default: ${DEFAULT-VALUE}).")
  private double duplicateShare = DEFAULTS.duplicateShare();

  @Option(
      names = "--deleted-entry-share",
      paramLabel = "S",
      description = "Share of phonebook entries deleted later (default: ${DEFAULT-VALUE}).")
  private double deletedEntryShare = DEFAULTS.deletedEntryShare();

  @Option(
      names = "--deleted-account-share",
      paramLabel = "S",
      description = "Share of accounts deleted later (default: ${DEFAULT-VALUE}).")
  private double deletedAccountShare = DEFAULTS.deletedAccountShare();

  @Option(
      names = "--recycled-number-share",
      paramLabel = "S",
      description =
          "Share of deleted accounts whose number goes to a later account"
              + " (default: ${DEFAULT-VALUE}).")
  private double recycledNumberShare = DEFAULTS.recycledNumberShare();

  @Option(
      names = "--pre-registration-consent-share",
      paramLabel = "S",
      description =
          "Share of accounts whose number was uploaded before they registered that have a"
              + " discoverable_by_phone record made before registering"
              + " (default: ${DEFAULT-VALUE}).")
  private double preRegistrationConsentShare = DEFAULTS.preRegistrationConsentShare();

  @Option(
      names = "--stale-share",
      paramLabel = "S",
      description =
          "Share of recommendations whose only link is an entry deleted at or before they were"
              + " shown, 0 to 0.1 (default: ${DEFAULT-VALUE}).")
  private double staleShare = DEFAULTS.staleShare();

  @Option(
      names = "--explanation-mix",
      paramLabel = "EVIDENCE,RANDOM,UNRECOGNIZED,NONE",
      split = ",",
      description = {
        "Shares of explanations made from the evidence the recommending strategy found"
            + " (in_contacts, has_your_number, mutual_contacts:N, friend_of_friend), claims drawn"
            + " at random, unrecognized texts and empty cells, summing to 1"
            + " (default: 0.6,0.15,0.05,0.2)."
      })
  private double[] explanationMix;

  @Option(
      names = "--start",
      paramLabel = "INSTANT",
      description = "Start of the time window (default: ${DEFAULT-VALUE}).")
  private Instant start = DEFAULTS.start();

  @Option(
      names = "--end",
      paramLabel = "INSTANT",
      description = "End of the time window (default: ${DEFAULT-VALUE}).")
  private Instant end = DEFAULTS.end();

  @Override
  public Integer call() throws Exception {
    GeneratorConfig config;
    try {
      config = config();
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
    }
    if (!overwrite && notEmpty(out)) {
      throw new UsageException(
          List.of(
              "--out "
                  + out
                  + " is not empty; pass --overwrite to write the dataset's files into it, or"
                  + " choose an empty or new folder"));
    }
    long started = System.nanoTime();
    DatasetShape shape = new DatasetGenerator(config).generate(out);
    double seconds = (System.nanoTime() - started) / 1e9;
    spec.commandLine()
        .getOut()
        .println(
            new ObjectMapper()
                .enable(SerializationFeature.INDENT_OUTPUT)
                .writeValueAsString(shape));
    spec.commandLine().getOut().printf("Wrote %s in %.1f s%n", out, seconds);
    return 0;
  }

  private static boolean notEmpty(Path folder) throws IOException {
    if (!Files.isDirectory(folder)) {
      return Files.exists(folder);
    }
    try (Stream<Path> entries = Files.list(folder)) {
      return entries.findAny().isPresent();
    }
  }

  private GeneratorConfig config() {
    GeneratorConfig.Builder b =
        GeneratorConfig.builder()
            .accounts(accounts)
            .seed(seed)
            .defaultRegion(defaultRegion)
            .gzip(gzip)
            .meanPhonebook(meanPhonebook)
            .maxPhonebook(maxPhonebook)
            .shadowShare(shadowShare)
            .recommendationsPerAccount(recommendations)
            .junkShare(junkShare)
            .duplicateShare(duplicateShare)
            .deletedEntryShare(deletedEntryShare)
            .deletedAccountShare(deletedAccountShare)
            .recycledNumberShare(recycledNumberShare)
            .preRegistrationConsentShare(preRegistrationConsentShare)
            .staleShare(staleShare)
            .start(start)
            .end(end);
    if (consentMix != null) {
      GeneratorConfig.ConsentMix d = GeneratorConfig.ConsentMix.DEFAULT;
      if (consentMix.length != 3 && consentMix.length != 5) {
        throw new IllegalArgumentException(
            "--consent-mix takes 3 or 5 numbers, got " + consentMix.length);
      }
      b.consentMix(
          new GeneratorConfig.ConsentMix(
              consentMix[0],
              consentMix[1],
              consentMix[2],
              consentMix.length == 5 ? consentMix[3] : d.granted(),
              consentMix.length == 5 ? consentMix[4] : d.changed()));
    }
    if (explanationMix != null) {
      if (explanationMix.length != 4) {
        throw new IllegalArgumentException(
            "--explanation-mix takes 4 numbers, got " + explanationMix.length);
      }
      b.explanationMix(
          new GeneratorConfig.ExplanationMix(
              explanationMix[0], explanationMix[1], explanationMix[2], explanationMix[3]));
    }
    return b.build();
  }
}

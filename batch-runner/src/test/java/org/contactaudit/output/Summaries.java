package org.contactaudit.output;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.contactaudit.output.RunSummary.Budget;
import org.contactaudit.output.RunSummary.Example;
import org.contactaudit.output.RunSummary.ExposureFigures;
import org.contactaudit.output.RunSummary.GraphFigures;
import org.contactaudit.output.RunSummary.Input;
import org.contactaudit.output.RunSummary.ShadowFigures;
import org.contactaudit.output.RunSummary.Tool;
import org.contactaudit.output.RunSummary.VerdictFigures;

/** Hand-built run summaries for the report tests. */
final class Summaries {

  /** Account ids and labels that would run script or fetch something if not escaped. */
  static final String SCRIPT_ID = "<script>alert(1)</script>";

  static final String IMG_ID = "\"><img src=x onerror=alert(2)>";

  static final long JUDGED = 1_234_567;

  private Summaries() {}

  /** A complete, plausible run: every section has figures. */
  static RunSummary sample() {
    return sample(inputs(), "u-1001", "u-2002");
  }

  /** The sample with other inputs. */
  static RunSummary sample(List<Input> inputs) {
    return sample(inputs, "u-1001", "u-2002");
  }

  /** The sample with hostile ids and labels wherever the data can put text. */
  static RunSummary hostile() {
    Input hostileFile =
        new Input(
            "accounts",
            IMG_ID,
            10,
            "\"'><b>sha",
            1,
            1,
            0,
            0,
            0,
            Map.of(SCRIPT_ID, 1L),
            List.of(SCRIPT_ID));
    RunSummary base = sample(List.of(hostileFile), SCRIPT_ID, IMG_ID);
    return new RunSummary(
        new Tool(SCRIPT_ID, IMG_ID),
        SCRIPT_ID,
        Map.of(SCRIPT_ID, IMG_ID),
        Map.of(IMG_ID, SCRIPT_ID),
        false,
        List.of(SCRIPT_ID + " & " + IMG_ID),
        base.inputs(),
        base.graph(),
        new VerdictFigures(
            2,
            Map.of("LEAK", 1L, SCRIPT_ID, 1L),
            Map.of("LEAK", 0.5, SCRIPT_ID, 0.5),
            0.5,
            Map.of(IMG_ID, 1L),
            Map.of(SCRIPT_ID, 1L),
            Map.of(IMG_ID, 1L),
            Map.of(SCRIPT_ID, 1L),
            1,
            1),
        new ShadowFigures(1, 2, 0, Map.of(SCRIPT_ID, 1L), 1, 0),
        new ExposureFigures(1, 1, Map.of(IMG_ID, 1L)),
        base.examples(),
        List.of(new Budget(SCRIPT_ID, 0.1, 0.5, true)),
        Map.of(IMG_ID, 5L));
  }

  /** A run that computed nothing optional and has empty maps and lists everywhere. */
  static RunSummary empty() {
    return new RunSummary(
        new Tool("contact-audit", "0.1.0"),
        "2025-01-01T00:00:00Z",
        Map.of(),
        Map.of(),
        true,
        List.of(),
        List.of(),
        new GraphFigures(0, 0, 0, 0, 0, false, 0, 0.0, 0),
        new VerdictFigures(
            0, Map.of(), Map.of(), Double.NaN, Map.of(), Map.of(), Map.of(), Map.of(), 0, 0),
        null,
        null,
        List.of(),
        List.of(),
        Map.of());
  }

  /** A run with null in every field that may be null. */
  static RunSummary nulls() {
    return new RunSummary(
        null, null, null, null, false, null, null, null, null, null, null, null, null, null);
  }

  static List<Input> inputs() {
    return List.of(
        new Input(
            "accounts",
            "accounts.csv",
            48_213,
            "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
            1_000,
            990,
            4,
            0,
            6,
            ordered("DUPLICATE_ACCOUNT", 4L, "INVALID_PHONE", 2L),
            List.of("nickname")),
        new Input(
            "uploads",
            "phonebooks.csv",
            311_554_120,
            "fedcba9876543210fedcba9876543210fedcba9876543210fedcba9876543210",
            2_500_000,
            2_400_000,
            50_000,
            30_000,
            20_000,
            ordered("SERVICE_NUMBER", 25_000L, "INVALID_PHONE", 15_000L, "OWN_NUMBER", 5_000L),
            List.of()),
        new Input(
            "consents",
            "consents.csv",
            2_048_000,
            "aaaabbbbccccddddaaaabbbbccccddddaaaabbbbccccddddaaaabbbbccccdddd",
            40_000,
            39_990,
            0,
            0,
            10,
            ordered("UNKNOWN_ACCOUNT", 10L),
            List.of()),
        new Input(
            "recommendations",
            "recommendations.csv",
            90_000_000,
            "1111222233334444111122223333444411112222333344441111222233334444",
            JUDGED + 433,
            JUDGED,
            0,
            0,
            433,
            ordered("SELF_RECOMMENDATION", 400L, "ACCOUNT_NOT_LIVE", 33L),
            List.of()));
  }

  private static RunSummary sample(List<Input> inputs, String viewer, String candidate) {
    Map<String, Long> counts = ordered("OK", 900_000L, "AT_RISK", 100_000L, "LEAK", 134_567L);
    counts.put("UNEXPLAINED", 100_000L);
    Map<String, Double> rates = new LinkedHashMap<>();
    counts.forEach((verdict, n) -> rates.put(verdict, n / (double) JUDGED));
    Map<String, Long> missing = new LinkedHashMap<>();
    String[] consents = {
      "candidate.suggest_to_contacts",
      "viewer.discoverable_by_phone",
      "bridge.shadow",
      "candidate.contact_upload",
      "bridge.contacts_for_others",
      "candidate.discoverable_by_phone",
      "viewer.contact_upload",
      "bridge.contact_upload",
      "bridge.discoverable_by_phone",
      "candidate.contacts_for_others",
      "viewer.suggest_to_contacts",
      "viewer.contacts_for_others"
    };
    for (int i = 0; i < consents.length; i++) {
      missing.put(consents[i], 150_000L / (i + 1));
    }
    return new RunSummary(
        new Tool("contact-audit", "0.1.0-SNAPSHOT"),
        "2025-06-02T03:00:00Z",
        ordered("min_holders", 3, "pseudonymize_ids", false),
        Map.of("accept_default_consent", "false", "region", "CN"),
        false,
        List.of("consents.csv has no source column: default-versus-explicit was not checked"),
        inputs,
        new GraphFigures(
            990, 2_100_000, 990, 2_099_010, 2_400_000, true, 19_200_000, 8.0, 9_600_000),
        new VerdictFigures(
            JUDGED,
            counts,
            rates,
            234_567 / (double) JUDGED,
            ordered(
                "REVERSE",
                120_000L,
                "SHARED_CONTACT",
                80_000L,
                "CHAIN",
                20_000L,
                "FORWARD",
                14_567L),
            ordered("MUTUAL", 700_000L, "FORWARD", 300_000L, "REVERSE", 150_000L),
            missing,
            ordered("SUPPORTED", 4_000L, "DISCLOSES", 9_000L, "FALSE", 700L, "UNRECOGNIZED", 12L),
            31_000,
            2_400),
        new ShadowFigures(
            2_099_010,
            3,
            410_000,
            ordered("1", 1_200_000L, "2", 489_010L, "3-4", 250_000L, "5-9", 120_000L),
            87,
            2_050_000),
        new ExposureFigures(12_345, 98_765, ordered("1", 5_000L, "2", 4_000L, "3-4", 3_345L)),
        List.of(
            new Example(
                17,
                viewer,
                candidate,
                "2025-05-30T12:00:00Z",
                "LEAK",
                "REVERSE",
                List.of("REVERSE", "SHARED_CONTACT"),
                List.of("candidate.suggest_to_contacts", "viewer.discoverable_by_phone"),
                "u-2002 holds the viewer's number; no consent to suggest"),
            new Example(
                42,
                "u-3003",
                "u-4004",
                "2025-05-31T08:15:00Z",
                "AT_RISK",
                "SHARED_CONTACT",
                List.of("SHARED_CONTACT"),
                List.of("bridge.shadow"),
                "both hold shadow number 7f3a…")),
        List.of(
            new Budget("leak_rate", 0.05, 0.19, true),
            new Budget("reject_rate", 0.01, 0.008, false)),
        ordered("read", 8_200L, "graph", 3_100L, "judge", 12_400L, "write", 900L));
  }

  /** A map that keeps the order of its pairs: key, value, key, value, ... */
  @SuppressWarnings("unchecked")
  private static <V> Map<String, V> ordered(Object... pairs) {
    Map<String, V> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put((String) pairs[i], (V) pairs[i + 1]);
    }
    return map;
  }
}

package org.contactaudit.bench;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.contactaudit.phone.PhoneNormalizer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Phone normalization: libphonenumber (the reference) against the metadata automata ({@link
 * PhoneNormalizer#fast}), in numbers per second on one thread.
 *
 * <p>Each invocation normalizes the next cell of a pre-built array of 4096 cells, cycling. {@code
 * E164}: a mobile and a fixed-line example number of every region in E.164 form, last two digits
 * random. {@code EXPORT_MIX}: what phonebook exports of the default region hold, in 32 equally
 * likely cases (see {@code chineseExport} and {@code americanExport}): mobiles and landlines with
 * spaces, dashes, dots, parentheses, the international and the national prefix, foreign numbers,
 * service numbers (UAN, toll-free), short codes ({@code 10086}, {@code 95588}; {@code 911}, {@code
 * 611}), a number with a digit lost, a US number dialled locally (seven digits), extensions ({@code
 * ext. 12}, {@code x123}), a vanity number ({@code 1-800-FLOWERS}) and junk. Both normalizers are
 * measured on the same cells; the differential test in analyzer-core ({@code
 * MetadataPhoneNormalizerTest}) checks that they agree on these forms.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar PhoneNormalization -f 1 -wi 2 -i 3 -w
 * 2s -r 2s}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class PhoneNormalizationBenchmark {
  private static final int SIZE = 4096;

  /** The kind of cells. */
  public enum Mix {
    E164,
    EXPORT_MIX
  }

  @Param({"E164", "EXPORT_MIX"})
  public Mix mix;

  @Param({"CN", "US"})
  public String region;

  private PhoneNormalizer reference;
  private PhoneNormalizer fast;
  private String[] cells;
  private int next;

  @Setup
  public void setUp() {
    reference = PhoneNormalizer.libphonenumber(region);
    fast = PhoneNormalizer.fast(region);
    Random random = new Random(42);
    cells = new String[SIZE];
    List<PhoneNumber> examples = personalExamples();
    for (int i = 0; i < SIZE; i++) {
      cells[i] =
          mix == Mix.E164
              ? e164(examples.get(random.nextInt(examples.size())), random)
              : region.equals("CN") ? chineseExport(random) : americanExport(random);
    }
    for (String cell : cells) {
      fast.normalize(cell); // compiles the plans of every calling code used
    }
  }

  @Benchmark
  public long reference() {
    return reference.normalize(nextCell());
  }

  @Benchmark
  public long fast() {
    return fast.normalize(nextCell());
  }

  private String nextCell() {
    String cell = cells[next];
    next = (next + 1) & (SIZE - 1);
    return cell;
  }

  private static List<PhoneNumber> personalExamples() {
    PhoneNumberUtil util = PhoneNumberUtil.getInstance();
    List<PhoneNumber> examples = new ArrayList<>();
    for (String r : new TreeSet<>(util.getSupportedRegions())) {
      for (PhoneNumberType type : List.of(PhoneNumberType.MOBILE, PhoneNumberType.FIXED_LINE)) {
        PhoneNumber example = util.getExampleNumberForType(r, type);
        if (example != null) {
          examples.add(example);
        }
      }
    }
    return examples;
  }

  /** An example number in E.164 with its last two digits drawn at random. */
  private static String e164(PhoneNumber example, Random random) {
    String nsn = PhoneNumberUtil.getInstance().getNationalSignificantNumber(example);
    return "+" + example.getCountryCode() + nsn.substring(0, nsn.length() - 2) + digits(random, 2);
  }

  private static String chineseExport(Random random) {
    String mobile = "1" + "3456789".charAt(random.nextInt(7)) + digits(random, 9);
    String landline = (random.nextBoolean() ? "10" : "21") + digits(random, 8);
    switch (random.nextInt(32)) {
      case 0:
      case 16:
      case 17:
      case 18:
        return "+86 "
            + mobile.substring(0, 3)
            + " "
            + mobile.substring(3, 7)
            + " "
            + mobile.substring(7);
      case 1:
        return mobile.substring(0, 3) + "-" + mobile.substring(3, 7) + "-" + mobile.substring(7);
      case 2:
        return "("
            + mobile.substring(0, 3)
            + ") "
            + mobile.substring(3, 7)
            + " "
            + mobile.substring(7);
      case 3:
        return "0086 " + mobile;
      case 4:
      case 5:
      case 19:
      case 20:
      case 21:
      case 22:
        return mobile;
      case 6:
      case 23:
      case 24:
        return "+86" + mobile;
      case 7:
        return "0"
            + landline.substring(0, 2)
            + " "
            + landline.substring(2, 6)
            + " "
            + landline.substring(6);
      case 8:
        return "(0" + landline.substring(0, 2) + ") " + landline.substring(2);
      case 9:
        return "+86 " + landline.substring(0, 2) + " " + landline.substring(2);
      case 10:
        return "400-" + digits(random, 3) + "-" + digits(random, 4); // service (UAN)
      case 11:
        return random.nextBoolean() ? "10086" : "95588"; // short codes
      case 12:
        return "+1 " + "650" + "-" + "253" + "-" + digits(random, 4);
      case 13:
        return mobile.substring(0, 10); // a digit lost
      case 14:
        return random.nextBoolean() ? "n/a" : "";
      case 15:
        return "+86 " + mobile + " ext. " + digits(random, 2);
      default:
        return mobile.substring(0, 3) + " " + mobile.substring(3, 7) + " " + mobile.substring(7);
    }
  }

  private static String americanExport(Random random) {
    String area = "2" + digits(random, 2);
    String number = "2" + digits(random, 6);
    switch (random.nextInt(32)) {
      case 0:
      case 16:
      case 17:
      case 18:
        return "+1 " + area + "-" + number.substring(0, 3) + "-" + number.substring(3);
      case 1:
      case 2:
      case 19:
      case 20:
      case 21:
      case 22:
        return "(" + area + ") " + number.substring(0, 3) + "-" + number.substring(3);
      case 3:
        return area + "." + number.substring(0, 3) + "." + number.substring(3);
      case 4:
        return "1-" + area + "-" + number.substring(0, 3) + "-" + number.substring(3);
      case 5:
      case 23:
      case 24:
        return area + number;
      case 6:
      case 25:
      case 26:
        return "+1" + area + number;
      case 7:
        return "011 86 138 " + digits(random, 4) + " " + digits(random, 4);
      case 8:
        return "+86 138 " + digits(random, 4) + " " + digits(random, 4);
      case 9:
        return "+44 20 7946 " + digits(random, 4);
      case 10:
        return "1-800-" + digits(random, 3) + "-" + digits(random, 4); // toll-free
      case 11:
        return random.nextBoolean() ? "911" : "611"; // short codes
      case 12:
        return number; // seven digits, local only
      case 13:
        return area
            + "-"
            + number.substring(0, 3)
            + "-"
            + number.substring(3)
            + " x"
            + digits(random, 3);
      case 14:
        return random.nextBoolean() ? "unknown" : "";
      case 15:
        return "1-800-FLOWERS";
      default:
        return area + "-" + number.substring(0, 3) + "-" + number.substring(3);
    }
  }

  private static String digits(Random random, int count) {
    StringBuilder out = new StringBuilder(count);
    for (int i = 0; i < count; i++) {
      out.append((char) ('0' + random.nextInt(10)));
    }
    return out.toString();
  }
}

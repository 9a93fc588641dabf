package org.contactaudit.generate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.csv.CSVFormat;

/**
 * Contact names for the {@code contact_name} column, already encoded as CSV cells.
 *
 * <p>The pools are encoded once with commons-csv's RFC 4180 rules, so that a name with a comma or a
 * quote ({@code "Wang, Wei"}, {@code Hairdresser "Tony"}) is quoted correctly while the rows
 * themselves are written without per-cell quoting checks.
 */
final class Names {
  private static final String[] SURNAMES = {
    "Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Huang", "Zhao", "Wu", "Zhou", "Xu", "Sun", "Ma",
    "Zhu", "Hu", "Guo", "He", "Lin", "Gao", "Luo"
  };
  private static final String[] GIVEN = {
    "Wei", "Fang", "Na", "Min", "Jing", "Li", "Qiang", "Lei", "Jun", "Yang", "Yong", "Yan", "Jie",
    "Tao", "Ming", "Chao", "Xiuying", "Hua", "Ping", "Gang"
  };
  private static final String[] SURNAMES_ZH = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周"};
  private static final String[] GIVEN_ZH = {"伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋"};

  private static final String[] PERSONS = encode(personNames());
  private static final String[] LABELS =
      encode(
          List.of(
              "Mom",
              "Dad",
              "妈妈",
              "爸爸",
              "老婆",
              "Boss",
              "Landlord",
              "Driver Li",
              "Teacher Zhang",
              "Zhang, neighbour",
              "Aunt \"Mei\"",
              "Gym coach",
              "Plumber",
              "Old classmate",
              "宝贝"));
  private static final String[] BUSINESSES =
      encode(
          List.of(
              "Sunshine Dental Clinic",
              "Dr. Liu, Psychiatry",
              "City Hospital, Appointments",
              "Wanda Plaza Property Office",
              "Express Delivery (Zhang)",
              "Phone Repair Shop",
              "Hairdresser \"Tony\"",
              "海底捞 Hotpot",
              "Yoga Studio",
              "Kindergarten Office",
              "Pharmacy 24h",
              "Pet Clinic",
              "Driving School",
              "Real Estate Agent Wu"));
  private static final String[] SERVICES =
      encode(
          List.of(
              "China Mobile",
              "China Unicom",
              "ICBC",
              "Bank hotline",
              "Customer Service",
              "Courier, hotline"));
  private static final String[] JUNK = encode(List.of("", "?", "Unknown", "新联系人"));

  private Names() {}

  /** The name a holder gave to a person: mostly the person's own name, sometimes a label. */
  static String person(long personHash, SplittableRandom rng) {
    if (rng.nextInt(100) < 12) {
      return LABELS[rng.nextInt(LABELS.length)];
    }
    return PERSONS[(int) Long.remainderUnsigned(personHash, PERSONS.length)];
  }

  /** The name of a business number (a hub). */
  static String business(long personHash) {
    return BUSINESSES[(int) Long.remainderUnsigned(personHash, BUSINESSES.length)];
  }

  /** The name of a service number. */
  static String service(SplittableRandom rng) {
    return SERVICES[rng.nextInt(SERVICES.length)];
  }

  /** The name of a junk entry. */
  static String junk(SplittableRandom rng) {
    return JUNK[rng.nextInt(JUNK.length)];
  }

  private static List<String> personNames() {
    List<String> names = new ArrayList<>();
    for (String s : SURNAMES) {
      for (String g : GIVEN) {
        names.add(s + " " + g);
        names.add(g + " " + s);
        names.add(s + ", " + g);
      }
    }
    for (String s : SURNAMES_ZH) {
      for (String g : GIVEN_ZH) {
        names.add(s + g);
      }
    }
    return names;
  }

  private static String[] encode(List<String> names) {
    String[] out = new String[names.size()];
    for (int i = 0; i < out.length; i++) {
      StringBuilder cell = new StringBuilder();
      try {
        // Printed as a later cell of a record (an empty name stays empty), then the delimiter that
        // commons-csv writes before such a cell is cut off.
        CSVFormat.RFC4180.print(names.get(i), cell, false);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      out[i] = cell.substring(1);
    }
    return out;
  }
}

package org.contactaudit.io;

import java.util.List;
import java.util.Map;

/**
 * The accounting of one input file: {@code read = accepted + duplicate + ignored + rejected}.
 *
 * @param file which input
 * @param name the file's name as given
 * @param bytes the file's size in bytes
 * @param sha256 the SHA-256 of the file's bytes, in hex
 * @param read rows read (records after the header)
 * @param accepted rows taken in
 * @param duplicate rows that repeated an earlier fact
 * @param ignored rows left out as harmless
 * @param rejected rows rejected
 * @param reasons the count of each reason, ignored and rejected
 * @param unknownColumns header columns the analyzer does not use
 */
public record FileSummary(
    InputFile file,
    String name,
    long bytes,
    String sha256,
    long read,
    long accepted,
    long duplicate,
    long ignored,
    long rejected,
    Map<Reason, Long> reasons,
    List<String> unknownColumns) {

  /** Whether the counts reconcile. */
  public boolean reconciles() {
    return read == accepted + duplicate + ignored + rejected;
  }
}

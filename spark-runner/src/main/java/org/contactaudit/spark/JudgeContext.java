package org.contactaudit.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.contactaudit.audit.Policy;
import org.contactaudit.audit.Rules;
import org.contactaudit.consent.ConsentLedger;
import org.contactaudit.consent.ConsentLedgerBuilder;
import org.contactaudit.consent.ConsentSource;
import org.contactaudit.io.AccountTable;

/**
 * What every executor needs to judge: the accounts, the accepted consent records in file order and
 * the policy's entries. Broadcast once; each executor JVM turns it into analyzer-core's {@link
 * Rules} (building the {@link ConsentLedger} exactly as {@link org.contactaudit.io.DatasetReader}
 * does) the first time a task asks, and keeps it for the run.
 */
final class JudgeContext implements Serializable {
  private static final long serialVersionUID = 1L;

  private static final Map<String, Rules> RULES = new ConcurrentHashMap<>();

  private final String runId;
  private final AccountTable accounts;
  private final int[] consentAccounts;
  private final String[] consentSettings;
  private final boolean[] consentValues;
  private final boolean[] consentDefaults;
  private final long[] consentTimes;
  private final LinkedHashMap<String, String> policy;

  private JudgeContext(
      String runId, AccountTable accounts, List<RowResult> consents, Policy policy) {
    this.runId = runId;
    this.accounts = accounts;
    int n = consents.size();
    consentAccounts = new int[n];
    consentSettings = new String[n];
    consentValues = new boolean[n];
    consentDefaults = new boolean[n];
    consentTimes = new long[n];
    for (int i = 0; i < n; i++) {
      RowResult c = consents.get(i);
      consentAccounts[i] = c.account;
      consentSettings[i] = c.text;
      consentValues[i] = c.value;
      consentDefaults[i] = c.source == ConsentSource.DEFAULT;
      consentTimes[i] = c.from;
    }
    this.policy = new LinkedHashMap<>(policy.entries());
  }

  /**
   * The context of a run.
   *
   * @param consents the accepted consent records, in file order
   */
  static JudgeContext of(
      String runId, AccountTable accounts, List<RowResult> consents, Policy policy) {
    return new JudgeContext(runId, accounts, new ArrayList<>(consents), policy);
  }

  AccountTable accounts() {
    return accounts;
  }

  /** The ledger builder filled with the records, in file order, not yet built. */
  ConsentLedgerBuilder ledgerBuilder() {
    ConsentLedgerBuilder b = ConsentLedger.builder(accounts.size());
    for (int i = 0; i < consentTimes.length; i++) {
      b.add(
          consentAccounts[i],
          consentSettings[i],
          consentValues[i],
          consentDefaults[i] ? ConsentSource.DEFAULT : ConsentSource.EXPLICIT,
          consentTimes[i]);
    }
    return b;
  }

  /** The rules of this run, built once per JVM. */
  Rules rules() {
    return RULES.computeIfAbsent(
        runId,
        id ->
            Rules.of(Policy.fromEntries(policy), ledgerBuilder().build(), accounts::registeredAt));
  }

  /** Forgets the rules of this run in this JVM (the driver calls it when the run ends). */
  void release() {
    RULES.remove(runId);
  }
}

package org.contactaudit.generate;

import java.util.List;
import java.util.Map;

/**
 * The shape of a generated dataset, written beside it as {@code shape.json}.
 *
 * <p>Numbers are counted over the whole window, whatever the upload, deletion and registration
 * times: a number is a user number when it belongs to an account in {@code accounts.csv}, a shadow
 * number otherwise. Junk cells and service numbers are not numbers here.
 *
 * @param seed the seed of the run
 * @param defaultRegion the region of the numbers
 * @param accounts the accounts written
 * @param deletedAccounts the accounts with a {@code deleted_at}
 * @param uploadedBeforeRegistration the accounts whose number someone uploaded before they
 *     registered
 * @param uploadRows the rows of {@code contacts.csv}: entries, duplicates, re-uploads, junk,
 *     service numbers and own numbers
 * @param distinctNumbers the distinct personal numbers in uploads
 * @param userNumbers those that belong to an account
 * @param shadowNumbers those that belong to no account
 * @param shadowShare {@code shadowNumbers / distinctNumbers}
 * @param shadowNumbersHeldOnce the shadow numbers held by exactly one account
 * @param phonebookSizes the distribution of distinct persons per phonebook
 * @param reciprocity of the account-to-account holds of the sampled accounts, the share that is
 *     returned (the other account holds the holder's number too)
 * @param reciprocitySample how many accounts were sampled for the reciprocity
 * @param topHolderCounts the holder counts of the ten most held numbers
 * @param numbersHeldBy100 the numbers held by at least 100 accounts
 * @param numbersHeldBy1000 the numbers held by at least 1000 accounts
 * @param consentRows the rows of {@code consents.csv}
 * @param recommendationRows the rows of {@code recommendations.csv}
 * @param recommendationsByStrategy how many recommendations each strategy made
 */
public record DatasetShape(
    long seed,
    String defaultRegion,
    int accounts,
    long deletedAccounts,
    long uploadedBeforeRegistration,
    long uploadRows,
    long distinctNumbers,
    long userNumbers,
    long shadowNumbers,
    double shadowShare,
    long shadowNumbersHeldOnce,
    PhonebookSizes phonebookSizes,
    double reciprocity,
    int reciprocitySample,
    List<Integer> topHolderCounts,
    long numbersHeldBy100,
    long numbersHeldBy1000,
    long consentRows,
    long recommendationRows,
    Map<String, Long> recommendationsByStrategy) {

  /**
   * The distribution of phonebook sizes (distinct persons held; service numbers and junk not
   * counted), percentiles by nearest rank.
   *
   * @param mean the mean size
   * @param median the median size
   * @param p90 the 90th percentile
   * @param p99 the 99th percentile
   * @param max the largest phonebook
   */
  public record PhonebookSizes(double mean, int median, int p90, int p99, int max) {}
}

package org.contactaudit.io;

import java.util.ArrayList;
import java.util.List;

/** The four input files of docs/DATA.md and their columns. */
public enum InputFile {
  /** The app's accounts. */
  ACCOUNTS("accounts.csv", List.of("account_id", "phone"), List.of("registered_at", "deleted_at")),
  /** Phonebook uploads, one row per entry. */
  CONTACTS("contacts.csv", List.of("owner_id", "phone"), List.of("uploaded_at", "deleted_at")),
  /** Consent records. */
  CONSENTS(
      "consents.csv", List.of("account_id", "setting", "value"), List.of("source", "updated_at")),
  /** The recommendations the app showed. */
  RECOMMENDATIONS(
      "recommendations.csv",
      List.of("viewer_id", "candidate_id"),
      List.of("shown_at", "surface", "explanation"));

  private final String fileName;
  private final List<String> required;
  private final List<String> optional;
  private final List<String> columns;

  InputFile(String fileName, List<String> required, List<String> optional) {
    this.fileName = fileName;
    this.required = required;
    this.optional = optional;
    List<String> all = new ArrayList<>(required);
    all.addAll(optional);
    this.columns = List.copyOf(all);
  }

  /** The conventional file name, such as {@code contacts.csv}. */
  public String fileName() {
    return fileName;
  }

  /** The columns that must be present. */
  public List<String> requiredColumns() {
    return required;
  }

  /** The columns that may be present. */
  public List<String> optionalColumns() {
    return optional;
  }

  /** The required columns, then the optional ones: the cells a row is read into. */
  public List<String> columns() {
    return columns;
  }
}

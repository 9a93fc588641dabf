package org.contactaudit.audit;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.TreeSet;

/**
 * What consent each kind of evidence needs (docs/POLICY.md), the names of the settings in the app's
 * consents file, and whether a consent set by default counts. {@link #defaults()} is the default
 * policy of docs/POLICY.md. Immutable; changed through {@link #toBuilder()}.
 *
 * <h2>Policy file</h2>
 *
 * A properties file; every key is optional and overrides the default:
 *
 * <pre>
 * accept_default_consent = false
 * # the app's name for a logical setting
 * setting.contact_upload = upload_address_book
 * # the requirements of a kind, as role.setting with logical setting names
 * require.chain = viewer.contact_upload, bridge.contact_upload, bridge.contacts_for_others, \
 *                 candidate.discoverable_by_phone, candidate.suggest_to_contacts
 * </pre>
 */
public final class Policy {
  /** A holder: my uploaded phonebook may be used to suggest people to me. */
  public static final String CONTACT_UPLOAD = "contact_upload";

  /** A subject: people who hold my number may be shown my account. */
  public static final String DISCOVERABLE_BY_PHONE = "discoverable_by_phone";

  /** A holder: the people whose numbers I hold may be shown my account. */
  public static final String SUGGEST_TO_CONTACTS = "suggest_to_contacts";

  /** A holder: my phonebook may be used to make suggestions to people other than me. */
  public static final String CONTACTS_FOR_OTHERS = "contacts_for_others";

  /** An account: my activity is visible to my contacts. */
  public static final String ACTIVITY_VISIBLE_TO_CONTACTS = "activity_visible_to_contacts";

  /** The missing consent of a shared contact that is a shadow number: never consensual. */
  public static final Requirement SHADOW_BRIDGE = new Requirement(Role.BRIDGE, "shadow");

  private static final List<String> SETTINGS =
      List.of(
          CONTACT_UPLOAD,
          DISCOVERABLE_BY_PHONE,
          SUGGEST_TO_CONTACTS,
          CONTACTS_FOR_OTHERS,
          ACTIVITY_VISIBLE_TO_CONTACTS);

  private static final Policy DEFAULTS = defaultBuilder().build();

  private final boolean acceptDefaultConsent;
  private final Map<String, String> settingNames;
  private final Map<Kind, List<Requirement>> requirements;

  private Policy(Builder b) {
    this.acceptDefaultConsent = b.acceptDefaultConsent;
    this.settingNames = Collections.unmodifiableMap(new LinkedHashMap<>(b.settingNames));
    Map<Kind, List<Requirement>> req = new EnumMap<>(Kind.class);
    b.requirements.forEach((k, v) -> req.put(k, List.copyOf(v)));
    this.requirements = Collections.unmodifiableMap(req);
  }

  /** The policy of docs/POLICY.md. */
  public static Policy defaults() {
    return DEFAULTS;
  }

  private static Builder defaultBuilder() {
    Builder b = new Builder();
    for (String s : SETTINGS) {
      b.settingNames.put(s, s);
    }
    b.require(Kind.MUTUAL, "viewer.contact_upload", "candidate.discoverable_by_phone");
    b.require(Kind.FORWARD, "viewer.contact_upload", "candidate.discoverable_by_phone");
    b.require(
        Kind.REVERSE,
        "candidate.contact_upload",
        "candidate.suggest_to_contacts",
        "viewer.discoverable_by_phone");
    b.require(
        Kind.SHARED_CONTACT,
        "viewer.contact_upload",
        "candidate.contact_upload",
        "candidate.contacts_for_others",
        "bridge.discoverable_by_phone");
    b.require(
        Kind.CO_HOLDER,
        "bridge.contact_upload",
        "bridge.contacts_for_others",
        "viewer.discoverable_by_phone",
        "candidate.discoverable_by_phone");
    b.require(
        Kind.CHAIN,
        "viewer.contact_upload",
        "bridge.contact_upload",
        "bridge.contacts_for_others",
        "candidate.discoverable_by_phone");
    return b;
  }

  /**
   * Loads a policy file over the defaults.
   *
   * @throws IllegalArgumentException naming the file and the key of any invalid entry
   * @throws IOException when the file cannot be read
   */
  public static Policy load(Path file) throws IOException {
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(reader);
    } catch (NoSuchFileException e) {
      throw new NoSuchFileException(file.toString(), null, "the policy file does not exist");
    }
    Map<String, String> entries = new LinkedHashMap<>();
    for (String key : new TreeSet<>(properties.stringPropertyNames())) {
      entries.put(key, properties.getProperty(key));
    }
    try {
      return fromEntries(entries);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(file.getFileName() + ": " + e.getMessage(), e);
    }
  }

  /**
   * A policy from key-value entries, as in a policy file.
   *
   * @throws IllegalArgumentException naming the key of any invalid entry
   */
  public static Policy fromEntries(Map<String, String> entries) {
    Builder b = DEFAULTS.toBuilder();
    for (Map.Entry<String, String> e : entries.entrySet()) {
      String key = e.getKey().strip().toLowerCase(Locale.ROOT);
      String value = e.getValue().strip();
      if (key.equals("accept_default_consent")) {
        if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
          throw new IllegalArgumentException(
              "key 'accept_default_consent': '" + value + "' is not true or false");
        }
        b.acceptDefaultConsent(Boolean.parseBoolean(value));
      } else if (key.startsWith("setting.")) {
        String logical = key.substring("setting.".length());
        if (!SETTINGS.contains(logical)) {
          throw new IllegalArgumentException(
              "key '" + key + "': unknown setting; known settings: " + String.join(", ", SETTINGS));
        }
        if (value.isEmpty()) {
          throw new IllegalArgumentException("key '" + key + "': the setting name is empty");
        }
        b.settingName(logical, value);
      } else if (key.startsWith("require.")) {
        Kind kind = kind(key);
        List<Requirement> reqs = new ArrayList<>();
        for (String term : value.split(",")) {
          if (term.isBlank()) {
            continue;
          }
          try {
            reqs.add(Requirement.parse(term));
          } catch (IllegalArgumentException ex) {
            throw new IllegalArgumentException("key '" + key + "': " + ex.getMessage(), ex);
          }
        }
        try {
          b.require(kind, reqs);
        } catch (IllegalArgumentException ex) {
          throw new IllegalArgumentException("key '" + key + "': " + ex.getMessage(), ex);
        }
      } else {
        throw new IllegalArgumentException(
            "key '"
                + key
                + "' is unknown; use accept_default_consent, setting.<name> or require.<kind>");
      }
    }
    return b.build();
  }

  private static Kind kind(String key) {
    String name = key.substring("require.".length());
    for (Kind k : Kind.values()) {
      if (k.label().equals(name)) {
        return k;
      }
    }
    List<String> labels = new ArrayList<>();
    for (Kind k : Kind.values()) {
      labels.add(k.label());
    }
    throw new IllegalArgumentException(
        "key '" + key + "': unknown kind '" + name + "'; kinds: " + String.join(", ", labels));
  }

  /** A builder that starts from this policy. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.acceptDefaultConsent = acceptDefaultConsent;
    b.settingNames.putAll(settingNames);
    requirements.forEach((k, v) -> b.requirements.put(k, new ArrayList<>(v)));
    return b;
  }

  /** Whether a consent record set by default counts as granted (false by default: WeChat Read). */
  public boolean acceptDefaultConsent() {
    return acceptDefaultConsent;
  }

  /** The name the consents file uses for a logical setting (itself unless renamed). */
  public String settingName(String logical) {
    return settingNames.getOrDefault(logical, logical);
  }

  /** The requirements of a kind, in the order the policy lists them. */
  public List<Requirement> requirements(Kind kind) {
    return requirements.get(kind);
  }

  /** The policy as key-value entries, in the form of a policy file (for summaries). */
  public Map<String, String> entries() {
    Map<String, String> out = new LinkedHashMap<>();
    out.put("accept_default_consent", Boolean.toString(acceptDefaultConsent));
    settingNames.forEach((k, v) -> out.put("setting." + k, v));
    for (Kind k : Kind.values()) {
      List<String> labels = new ArrayList<>();
      requirements.get(k).forEach(r -> labels.add(r.label()));
      out.put("require." + k.label(), String.join(", ", labels));
    }
    return out;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Policy
        && ((Policy) o).acceptDefaultConsent == acceptDefaultConsent
        && ((Policy) o).settingNames.equals(settingNames)
        && ((Policy) o).requirements.equals(requirements);
  }

  @Override
  public int hashCode() {
    return Objects.hash(acceptDefaultConsent, settingNames, requirements);
  }

  @Override
  public String toString() {
    return "Policy" + entries();
  }

  /** Builds a {@link Policy}; {@link #build()} validates. */
  public static final class Builder {
    private boolean acceptDefaultConsent;
    private final Map<String, String> settingNames = new LinkedHashMap<>();
    private final Map<Kind, List<Requirement>> requirements = new EnumMap<>(Kind.class);

    private Builder() {}

    /** Whether a consent set by default counts as granted. */
    public Builder acceptDefaultConsent(boolean accept) {
      this.acceptDefaultConsent = accept;
      return this;
    }

    /** The name the consents file uses for a logical setting. */
    public Builder settingName(String logical, String appName) {
      settingNames.put(
          Objects.requireNonNull(logical, "logical").toLowerCase(Locale.ROOT),
          Objects.requireNonNull(appName, "appName").strip().toLowerCase(Locale.ROOT));
      return this;
    }

    /** The requirements of a kind, replacing the previous ones. */
    public Builder require(Kind kind, List<Requirement> reqs) {
      for (Requirement r : reqs) {
        if (r.role() == Role.BRIDGE && !kind.bridged()) {
          throw new IllegalArgumentException(
              kind.label() + " has no bridge, so '" + r.label() + "' cannot apply");
        }
        if (r.equals(SHADOW_BRIDGE)) {
          throw new IllegalArgumentException(
              "'bridge.shadow' is not a setting: a shadow bridge is never consensual");
        }
      }
      requirements.put(kind, new ArrayList<>(reqs));
      return this;
    }

    private void require(Kind kind, String... terms) {
      List<Requirement> reqs = new ArrayList<>();
      for (String t : terms) {
        reqs.add(Requirement.parse(t));
      }
      require(kind, reqs);
    }

    /**
     * Builds the policy.
     *
     * @throws IllegalArgumentException when a kind has no requirements list
     */
    public Policy build() {
      for (Kind k : Kind.values()) {
        if (!requirements.containsKey(k)) {
          throw new IllegalArgumentException("no requirements for kind " + k.label());
        }
      }
      return new Policy(this);
    }
  }
}

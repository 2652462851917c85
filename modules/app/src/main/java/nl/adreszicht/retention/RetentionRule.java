package nl.adreszicht.retention;

import java.time.LocalDate;
import java.time.Month;
import java.time.Period;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import nl.adreszicht.records.RecordSource;

/**
 * How long a record is kept: a named, versioned rule, fed by configuration and tested without Spring.
 *
 * <p>A record is kept up to and including its {@linkplain #keptUntil last day}: the day its source's period after
 * the day it was recorded ({@link #periodIsOverIsTheBase}) or, for a source under the family rule, the day its
 * youngest known child comes of age, whichever is later ({@link #keptUntilTheYoungestChildIsAdult}). The sweep
 * deletes it the day after.
 *
 * @param version the rule's version, stored with every date it computes, e.g. {@code r1}
 * @param periods the retention period of each source; every source has one
 * @param familyRuleSources the sources whose records are kept at least until the youngest child is adult
 */
record RetentionRule(String version, Map<RecordSource, Period> periods, Set<RecordSource> familyRuleSources) {

    /** The age of majority in the Netherlands (BW 1:233). */
    static final int AGE_OF_MAJORITY = 18;

    RetentionRule {
        if (version.isBlank() || version.length() > 20) {
            throw new IllegalArgumentException("A retention rule version has 1 to 20 characters");
        }
        for (RecordSource source : RecordSource.values()) {
            Period period = periods.get(source);
            if (period == null) {
                throw new IllegalArgumentException("No retention period for " + source);
            }
            if (period.isNegative() || period.isZero()) {
                throw new IllegalArgumentException("The retention period for " + source + " must be positive");
            }
        }
        periods = Map.copyOf(new EnumMap<>(periods));
        familyRuleSources = familyRuleSources.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(familyRuleSources));
    }

    /** Why a record is kept until its last day. */
    enum Basis {
        /** The source's retention period after the day it was recorded. */
        TERMIJN,
        /** The youngest child involved comes of age later than the period ends. */
        JONGSTE_KIND_MEERDERJARIG,
        /** A record it was made for (a case of the casusoverleg follows its records) is kept longer. */
        GEVOLGDE_REGISTRATIE
    }

    /** The last day a record is kept, and why. */
    record KeptUntil(LocalDate date, Basis basis) {}

    /**
     * The last day a record is kept.
     *
     * @param source where the record comes from
     * @param recordedOn the day it was first recorded, in Europe/Amsterdam
     * @param childBirthDates the birth dates of the children involved, as far as known
     */
    KeptUntil keptUntil(RecordSource source, LocalDate recordedOn, Collection<LocalDate> childBirthDates) {
        LocalDate base = periodIsOverIsTheBase(source, recordedOn);
        if (!familyRuleSources.contains(source)) {
            return new KeptUntil(base, Basis.TERMIJN);
        }
        LocalDate adult = keptUntilTheYoungestChildIsAdult(childBirthDates);
        return adult != null && adult.isAfter(base)
                ? new KeptUntil(adult, Basis.JONGSTE_KIND_MEERDERJARIG)
                : new KeptUntil(base, Basis.TERMIJN);
    }

    /**
     * The last day a record that follows other records is kept (a case of the casusoverleg follows the records it was
     * opened for): its source's period after the day it ended (a case: the day it was closed or declined), or the
     * last day of the longest-kept record it follows, whichever is later.
     *
     * @param source where the record comes from
     * @param endedOn the day it ended, in Europe/Amsterdam
     * @param followed the last days of the records it follows that are still kept
     */
    KeptUntil keptUntilFollowing(RecordSource source, LocalDate endedOn, Collection<LocalDate> followed) {
        LocalDate base = periodIsOverIsTheBase(source, endedOn);
        LocalDate longest = followed.stream().max(LocalDate::compareTo).orElse(null);
        return longest != null && longest.isAfter(base)
                ? new KeptUntil(longest, Basis.GEVOLGDE_REGISTRATIE)
                : new KeptUntil(base, Basis.TERMIJN);
    }

    /** The end of the source's period after the day of recording: 5 years after 1 March 2026 is 1 March 2031. */
    LocalDate periodIsOverIsTheBase(RecordSource source, LocalDate recordedOn) {
        return recordedOn.plus(periods.get(source));
    }

    /** The day the youngest of these children comes of age, or null when no birth date is known. */
    static @org.jspecify.annotations.Nullable LocalDate keptUntilTheYoungestChildIsAdult(
            Collection<LocalDate> childBirthDates) {
        return childBirthDates.stream()
                .map(RetentionRule::comesOfAge)
                .max(LocalDate::compareTo)
                .orElse(null);
    }

    /**
     * The 18th birthday. Someone born on 29 February comes of age on 1 March, because an 18th birthday never
     * falls in a leap year; taking the later day keeps the record while the child may still be a minor.
     */
    static LocalDate comesOfAge(LocalDate birthDate) {
        LocalDate birthday = birthDate.plusYears(AGE_OF_MAJORITY);
        boolean leapDay = birthDate.getMonth() == Month.FEBRUARY && birthDate.getDayOfMonth() == 29;
        return leapDay && birthday.getDayOfMonth() != 29 ? birthday.plusDays(1) : birthday;
    }
}

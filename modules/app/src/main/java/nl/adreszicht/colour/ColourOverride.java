package nl.adreszicht.colour;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;

/**
 * A professional's judgement on top of the computed colour (domain.md section 4): a {@link Raise} by one
 * professional with a reason, or a {@link Lower} approved by four eyes until a review date. Who may do either is
 * checked by the application service before one is built; these types only refuse what can never be valid.
 */
sealed interface ColourOverride permits ColourOverride.Raise, ColourOverride.Lower {

    /** Why, in the professional's words; shown to whoever may see the colour's explanation. */
    String reason();

    /** The day the override was made. */
    LocalDate from();

    /**
     * A professional raised the colour. By the rules table a raise makes the address red ({@link
     * ColourRule#RAISED_BY_PROFESSIONAL_IS_RED}) for as long as a record of that day would stay in the window, so a
     * raise decays like the incidents it is about.
     *
     * @param reason why it was raised
     * @param raisedBy the subject of the professional who raised it
     * @param from the day it was raised
     */
    record Raise(String reason, String raisedBy, LocalDate from) implements ColourOverride {

        public Raise {
            requireText(reason, "A raise needs a reason");
            requireText(raisedBy, "A raise needs the professional who raised it");
            Objects.requireNonNull(from, "from");
        }
    }

    /**
     * An approved lowering: caps the computed colour at {@code target} from {@code from} until the day before
     * {@code reviewDate}. On the review date it no longer applies, so the review is made with the computed colour
     * in view.
     *
     * <p>A lowering is a judgement about what the approvers saw. It therefore lapses as soon as a record they did
     * not review counts in the window, or a professional raises the colour after the lowering: new concern is
     * never hidden by an older decision to lower.
     *
     * @param target the colour the computed colour is capped at; below red
     * @param reason why it was lowered
     * @param supervisorId the subject of the approving vt-supervisor
     * @param secondApproverId the subject of the second approver; never the same person
     * @param from the day the lowering was approved
     * @param reviewDate the first day on which the lowering no longer applies; after {@code from}
     * @param reviewedRecordIds the ids of the records that counted when the lowering was approved
     */
    record Lower(
            Colour target,
            String reason,
            String supervisorId,
            String secondApproverId,
            LocalDate from,
            LocalDate reviewDate,
            Set<String> reviewedRecordIds)
            implements ColourOverride {

        public Lower {
            Objects.requireNonNull(target, "target");
            if (target == Colour.RED) {
                throw new IllegalArgumentException("A lowering must target a colour below red");
            }
            requireText(reason, "A lowering needs a reason");
            requireText(supervisorId, "A lowering needs a vt-supervisor as approver");
            requireText(secondApproverId, "A lowering needs a second approver");
            if (supervisorId.equals(secondApproverId)) {
                throw new IllegalArgumentException("A lowering needs two different approvers");
            }
            if (!reviewDate.isAfter(from)) {
                throw new IllegalArgumentException("A lowering's review date must come after the day it was approved");
            }
            reviewedRecordIds = Set.copyOf(reviewedRecordIds);
        }

        /** Whether the lowering is in force on {@code today}, before looking at what happened since. */
        boolean inForceOn(LocalDate today) {
            return !from.isAfter(today) && today.isBefore(reviewDate);
        }
    }

    private static void requireText(String value, String message) {
        if (value.isBlank()) {
            throw new IllegalArgumentException(message);
        }
    }
}

package dev.burrow.api;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The object types behind PostHog's tree rows (contract/file_system.md §2.1): the wire name, the
 * folder PostHog files new objects of the type in, what a tree row's {@code ref} holds, what a
 * delete does to the object, and the href of an object. One table for the server, the seeds, the
 * client and the window.
 */
public enum ObjectType {
    DASHBOARD("dashboard", "Dashboards", false, Deletion.RESTORABLE, "/dashboard/{ref}"),
    INSIGHT("insight", "Insights", true, Deletion.RESTORABLE, "/insights/{ref}"),
    FEATURE_FLAG("feature_flag", "Feature Flags", false, Deletion.RESTORABLE, "/feature_flags/{ref}"),
    EXPERIMENT("experiment", "Experiments", false, Deletion.RESTORABLE, "/experiments/{ref}"),
    NOTEBOOK("notebook", "Notebooks", true, Deletion.RESTORABLE, "/notebooks/{ref}"),
    COHORT("cohort", "Cohorts", false, Deletion.RESTORABLE, "/cohorts/{ref}"),
    SURVEY("survey", "Surveys", false, Deletion.FINAL, "/surveys/{ref}"),
    REPLAY_PLAYLIST("session_recording_playlist", "Replay playlists", true, Deletion.RESTORABLE,
            "/replay/playlists/{ref}"),
    EARLY_ACCESS_FEATURE("early_access_feature", "Early Access Features", false, Deletion.HARD,
            "/early_access_features/{ref}"),
    ACTION("action", "Actions", false, Deletion.RESTORABLE, "/data-management/actions/{ref}"),
    DESTINATION("hog_function/destination", "Destinations", false, Deletion.RESTORABLE,
            "/pipeline/destinations/hog-{id}/configuration"),
    SITE_DESTINATION("hog_function/site_destination", "Destinations", false, Deletion.RESTORABLE,
            "/pipeline/destinations/hog-{id}/configuration"),
    INTERNAL_DESTINATION("hog_function/internal_destination", "Destinations", false, Deletion.RESTORABLE,
            "/pipeline/destinations/hog-{id}/configuration"),
    BROADCAST("hog_function/broadcast", "Destinations", false, Deletion.RESTORABLE,
            "/pipeline/destinations/hog-{id}/configuration"),
    CAMPAIGN("hog_function/campaign", "Destinations", false, Deletion.RESTORABLE,
            "/pipeline/destinations/hog-{id}/configuration"),
    TRANSFORMATION("hog_function/transformation", "Transformations", false, Deletion.RESTORABLE,
            "/pipeline/transformations/hog-{id}/configuration"),
    SITE_APP("hog_function/site_app", "Site apps", false, Deletion.RESTORABLE,
            "/pipeline/site-apps/hog-{id}/configuration"),
    SOURCE("hog_function/source", "Sources", false, Deletion.RESTORABLE, "/pipeline/sources/hog-{id}/configuration"),
    SOURCE_WEBHOOK("hog_function/source_webhook", "Sources", false, Deletion.RESTORABLE,
            "/pipeline/sources/hog-{id}/configuration"),
    /** Flag-gated in PostHog: hidden from lists. */
    MESSAGE_TEMPLATE("message_template", "Email templates", false, Deletion.RESTORABLE,
            "/workflows/library/templates/{ref}"),
    /** Flag-gated in PostHog: hidden from lists. */
    HOG_FLOW("hog_flow", "Workflows", false, Deletion.RESTORABLE, "/workflows/{ref}");

    /** What deleting an object's last row does to the object. */
    public enum Deletion {
        /** Soft delete; {@code undo_delete} restores it. */
        RESTORABLE,
        /** Reported as a soft delete, but PostHog never restores it (surveys). */
        FINAL,
        /** Deleted for good. */
        HARD
    }

    private static final String HOG_FUNCTION = "hog_function/";
    private static final Map<String, ObjectType> BY_WIRE = new HashMap<>();

    static {
        for (ObjectType t : values()) {
            BY_WIRE.put(t.wire, t);
        }
    }

    private final String wire;
    private final String unfiledName;
    private final boolean refIsShortId;
    private final Deletion deletion;
    /** The app-relative URL of an object, {@code {ref}} and {@code {id}} standing for its ref and numeric id. */
    private final String hrefPattern;

    ObjectType(String wire, String unfiledName, boolean refIsShortId, Deletion deletion, String hrefPattern) {
        this.wire = wire;
        this.unfiledName = unfiledName;
        this.refIsShortId = refIsShortId;
        this.deletion = deletion;
        this.hrefPattern = hrefPattern;
    }

    /** The type as the API writes it: {@code "feature_flag"}, {@code "hog_function/destination"}. */
    public String wire() {
        return wire;
    }

    /** The folder name PostHog uses under {@code Unfiled} for the type: {@code "Feature Flags"}. */
    public String unfiledName() {
        return unfiledName;
    }

    /** Where PostHog files a new object of this type: {@code "Unfiled/Feature Flags"}. */
    public String defaultFolder() {
        return "Unfiled/" + unfiledName;
    }

    /** True when a tree row's {@code ref} is the object's short id rather than its numeric id. */
    public boolean refIsShortId() {
        return refIsShortId;
    }

    public Deletion deletion() {
        return deletion;
    }

    /** True when {@code undo_delete} can bring the object back after its last row was deleted. */
    public boolean restorable() {
        return deletion == Deletion.RESTORABLE;
    }

    /** True for the types PostHog keeps out of lists. */
    public boolean hidden() {
        return this == MESSAGE_TEMPLATE || this == HOG_FLOW;
    }

    public boolean isHogFunction() {
        return wire.startsWith(HOG_FUNCTION);
    }

    /** The type of a wire name, if PostHog registers it; any other {@code hog_function/…} is a destination. */
    public static Optional<ObjectType> of(String wire) {
        if (wire == null) {
            return Optional.empty();
        }
        ObjectType t = BY_WIRE.get(wire);
        if (t == null && wire.startsWith(HOG_FUNCTION)) {
            t = DESTINATION;
        }
        return Optional.ofNullable(t);
    }

    /** Where PostHog files a new object of a wire type; {@code "Unfiled"} for a type it doesn't know. */
    public static String defaultFolder(String wire) {
        return of(wire).map(ObjectType::defaultFolder).orElse("Unfiled");
    }

    /** The app-relative URL of an object of a wire type, or null for a type PostHog doesn't register. */
    public static String hrefOf(String wire, String ref, long id) {
        return of(wire).map(t -> t.href(ref, id)).orElse(null);
    }

    /** What a tree row's {@code ref} holds for an object of this type: its short id or its numeric id. */
    public String ref(long id, String shortId) {
        return refIsShortId ? shortId : Long.toString(id);
    }

    /** The app-relative URL of an object; {@code ref} is its id or short id, {@code id} its numeric id. */
    public String href(String ref, long id) {
        return hrefPattern.replace("{ref}", String.valueOf(ref)).replace("{id}", Long.toString(id));
    }
}

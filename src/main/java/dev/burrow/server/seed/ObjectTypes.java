package dev.burrow.server.seed;

import java.util.List;

/**
 * The object types the seeds create; their default folders and hrefs come from the server's
 * {@link dev.burrow.api.ObjectType} (contract/file_system.md §2.1).
 */
enum ObjectTypes {
    DASHBOARD("dashboard", false),
    INSIGHT("insight", true),
    FEATURE_FLAG("feature_flag", false),
    EXPERIMENT("experiment", false),
    NOTEBOOK("notebook", true),
    COHORT("cohort", false),
    SURVEY("survey", false),
    REPLAY_PLAYLIST("session_recording_playlist", true),
    EARLY_ACCESS_FEATURE("early_access_feature", false),
    DESTINATION("hog_function/destination", false),
    TRANSFORMATION("hog_function/transformation", false),
    SITE_APP("hog_function/site_app", false),
    SOURCE_WEBHOOK("hog_function/source_webhook", false),
    ACTION("action", false);

    static final List<ObjectTypes> ALL = List.of(values());

    final String type;
    /** PostHog's default folder for new objects of this type (the server's one table of them). */
    final String defaultFolder;
    /** True when the tree's {@code ref} is the object's short id rather than its numeric id. */
    final boolean refIsShortId;

    ObjectTypes(String type, boolean refIsShortId) {
        this.type = type;
        this.defaultFolder = dev.burrow.api.ObjectType.defaultFolder(type);
        this.refIsShortId = refIsShortId;
    }

    boolean isHogFunction() {
        return type.startsWith("hog_function/");
    }

    String ref(long id, String shortId) {
        return refIsShortId ? shortId : Long.toString(id);
    }

    String href(long id, String shortId) {
        return dev.burrow.api.ObjectType.hrefOf(type, ref(id, shortId), id);
    }
}

package dev.burrow.ui;

import dev.burrow.api.FileSystemEntry;
import dev.burrow.tree.TreeNode;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/** An icon per PostHog type. */
public final class Icons {

    private Icons() {
    }

    public static Ikon forType(String type) {
        if (type == null) {
            return Material2AL.INSERT_DRIVE_FILE;
        }
        if (type.startsWith("hog_function/")) {
            String kind = type.substring("hog_function/".length());
            return switch (kind) {
                case "transformation" -> Material2MZ.TRANSFORM;
                case "site_app" -> Material2AL.APPS;
                case "source", "source_webhook" -> Material2AL.INPUT;
                default -> Material2MZ.SEND;
            };
        }
        return switch (type) {
            case "folder" -> Material2AL.FOLDER;
            case "dashboard" -> Material2AL.DASHBOARD;
            case "insight" -> Material2AL.INSERT_CHART_OUTLINED;
            case "feature_flag" -> Material2AL.FLAG;
            case "experiment" -> Material2MZ.SCIENCE;
            case "notebook" -> Material2AL.BOOK;
            case "cohort" -> Material2MZ.PEOPLE;
            case "survey" -> Material2MZ.POLL;
            case "session_recording_playlist" -> Material2MZ.PLAYLIST_PLAY;
            case "early_access_feature" -> Material2MZ.NEW_RELEASES;
            case "action" -> Material2MZ.TOUCH_APP;
            case "message_template" -> Material2AL.EMAIL;
            case "hog_flow" -> Material2AL.ACCOUNT_TREE;
            default -> Material2AL.INSERT_DRIVE_FILE;
        };
    }

    public static Ikon forNode(TreeNode node) {
        if (node instanceof TreeNode.Folder) {
            return Material2AL.FOLDER;
        }
        FileSystemEntry row = node.row();
        return forType(row == null ? null : row.type());
    }

    public static FontIcon icon(Ikon ikon, int size) {
        FontIcon icon = new FontIcon(ikon);
        icon.setIconSize(size);
        return icon;
    }

    /** A short human name for a type: "Feature flag", "Destination". */
    public static String typeLabel(String type) {
        if (type == null || type.isEmpty()) {
            return "Item";
        }
        String t = type.startsWith("hog_function/") ? type.substring("hog_function/".length()) : type;
        String spaced = t.replace('_', ' ').replace('-', ' ');
        return Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }
}

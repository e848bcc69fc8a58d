package dev.burrow.ui;

import dev.burrow.client.ConnectionProbe;
import dev.burrow.client.PostHogClient;
import dev.burrow.settings.BaseUrls;
import dev.burrow.settings.ConnectionProfile;
import dev.burrow.settings.Connections;
import dev.burrow.settings.ProfileKind;
import dev.burrow.tree.TaskRunner;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.StringConverter;

/**
 * Connection profiles: Local workspace, PostHog US, PostHog EU, self-hosted; environment id and
 * personal API key (kept in the secret store, never shown again); "Test connection" says
 * exactly what is wrong.
 */
public final class ConnectionDialog {

    /** What "Connect" opens: the profile and its key (null for the local workspace). */
    public record Choice(ConnectionProfile profile, String apiKey) {
        @Override
        public String toString() {
            return "Choice[" + profile.name() + "]";
        }
    }

    private final Connections connections;
    private final TaskRunner runner;
    private final Consumer<Choice> connect;
    private final Stage stage = new Stage();
    private final ListView<ConnectionProfile> list = new ListView<>();
    private final TextField name = new TextField();
    private final ComboBox<ProfileKind> kind = new ComboBox<>();
    private final TextField url = new TextField();
    private final TextField environment = new TextField();
    private final PasswordField key = new PasswordField();
    private final CheckBox insecure = new CheckBox("Allow plain http (not recommended)");
    private final Label result = new Label();
    private VBox right;
    /** Where a connection can go; the local workspace's own is shown only while it is selected. */
    private static final List<ProfileKind> REMOTE_KINDS =
            List.of(ProfileKind.POSTHOG_US, ProfileKind.POSTHOG_EU, ProfileKind.SELF_HOSTED);

    public ConnectionDialog(Window owner, Connections connections, TaskRunner runner, Consumer<Choice> connect) {
        this.connections = connections;
        this.runner = runner;
        this.connect = connect;
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle("Connections");
        // room for a message of three lines below the form; a longer one grows the window (fitHeight)
        stage.setScene(new Scene(build(), 760, 480));
        if (owner != null && owner.getScene() != null) {
            stage.getScene().getStylesheets().addAll(owner.getScene().getStylesheets());
        }
        reload(connections.active().name());
    }

    public void show() {
        stage.show();
    }

    /** Shows the dialog on an empty form for a new connection ("Add a connection…"), its name field focused. */
    public void showNew() {
        stage.show();
        startNew();
    }

    private void startNew() {
        list.getSelectionModel().clearSelection();
        edit(null);
        name.requestFocus();
    }

    private BorderPane build() {
        list.setId("profiles");
        list.setPrefWidth(220);
        // a long message on the right never squeezes the list (it had the form drawn over it)
        list.setMinWidth(Region.USE_PREF_SIZE);
        list.setCellFactory(v -> new ListCell<>() {
            {
                setPrefWidth(0);
            }

            @Override
            protected void updateItem(ConnectionProfile p, boolean empty) {
                super.updateItem(p, empty);
                setText(empty || p == null ? null : p.name() + (p.isLocal() ? "" : "\n" + p.kind().label()));
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((o, a, p) -> edit(p));

        kind.getItems().setAll(REMOTE_KINDS);
        kind.setConverter(new StringConverter<>() {
            @Override
            public String toString(ProfileKind k) {
                return k == null ? "" : k.label();
            }

            @Override
            public ProfileKind fromString(String s) {
                return null;
            }
        });
        kind.valueProperty().addListener((o, a, k) -> {
            boolean self = k == ProfileKind.SELF_HOSTED;
            url.setDisable(!self);
            insecure.setDisable(!self);
            if (k != null && k.fixedBaseUrl() != null) {
                url.setText(k.fixedBaseUrl());
            } else if (self && a != null && a.fixedBaseUrl() != null && a.fixedBaseUrl().equals(url.getText())) {
                // PostHog's own address is no start for a self-hosted one: typed after, it read
                // "https://us.posthog.composthog.mycompany.com"; the field shows what to type instead
                url.clear();
            }
        });
        kind.setId("profile-kind");
        name.setId("profile-name");
        url.setId("profile-url");
        environment.setId("profile-environment");
        key.setId("profile-key");
        result.setId("probe-result");
        result.setWrapText(true);
        // wraps at the form's width instead of asking for one line's width
        result.setPrefWidth(1);
        result.setMaxWidth(Double.MAX_VALUE);
        // what is wrong is said to its end ("…; enter it as https://host[:port][/path]" was cut to
        // "ent…"): the message keeps its lines, and the window grows to hold them
        result.setMinHeight(Region.USE_PREF_SIZE);
        result.textProperty().addListener((o, a, t) -> javafx.application.Platform.runLater(this::fitHeight));

        GridPane form = new GridPane();
        form.setHgap(10);
        form.setVgap(10);
        form.addRow(0, new Label("Name"), name);
        form.addRow(1, new Label("Where"), kind);
        form.addRow(2, new Label("URL"), url);
        form.add(insecure, 1, 3);
        form.addRow(4, new Label("Environment id"), environment);
        form.addRow(5, new Label("Personal API key"), key);
        GridPane.setHgrow(name, Priority.ALWAYS);
        javafx.scene.layout.ColumnConstraints labels = new javafx.scene.layout.ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        form.getColumnConstraints().add(labels);
        Label keyHelp = new Label("Kept in " + connections.secrets().describe() + "; never shown again.");
        keyHelp.getStyleClass().add("text-muted");
        keyHelp.setWrapText(true);
        keyHelp.setMinHeight(Region.USE_PREF_SIZE);
        form.add(keyHelp, 1, 6);

        Button add = new Button("New");
        add.setOnAction(e -> startNew());
        Button test = new Button("Test connection");
        test.setId("test-connection");
        test.setOnAction(e -> test());
        Button save = new Button("Save");
        save.setId("save-profile");
        save.setOnAction(e -> save());
        Button delete = new Button("Delete");
        delete.setOnAction(e -> delete());
        HBox actions = new HBox(8, add, save, delete, test);

        right = new VBox(12, form, actions, result);
        right.setPadding(new Insets(0, 0, 0, 16));
        HBox.setHgrow(right, Priority.ALWAYS);

        Button connectButton = new Button("Connect");
        connectButton.setId("connect");
        connectButton.setDefaultButton(true);
        connectButton.setOnAction(e -> connectSelected());
        Button close = new Button("Close");
        close.setCancelButton(true);
        close.setOnAction(e -> stage.close());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox bottom = new HBox(8, grow, close, connectButton);
        bottom.setAlignment(Pos.CENTER_RIGHT);
        bottom.setPadding(new Insets(12, 0, 0, 0));

        BorderPane root = new BorderPane(new HBox(list, right), null, null, bottom, null);
        root.setPadding(new Insets(16));
        root.getStyleClass().add("dialog-root");
        return root;
    }

    /** Grows the window by what the form and its message need beyond it (never shrinks it). */
    private void fitHeight() {
        Scene scene = stage.getScene();
        if (!stage.isShowing() || scene.getWidth() <= 0) {
            return;
        }
        double short_ = scene.getRoot().minHeight(scene.getWidth()) - scene.getHeight();
        if (short_ > 0.5) {
            stage.setHeight(stage.getHeight() + Math.ceil(short_));
        }
    }

    private void reload(String select) {
        list.getItems().setAll(connections.profiles().profiles());
        list.getItems().stream().filter(p -> p.name().equals(select)).findFirst()
                .ifPresent(p -> list.getSelectionModel().select(p));
    }

    private void edit(ConnectionProfile p) {
        boolean local = p != null && p.isLocal();
        name.setText(p == null ? "" : p.name());
        // the local workspace says so, not "PostHog US" and its address
        List<ProfileKind> kinds = local ? List.of(ProfileKind.LOCAL_WORKSPACE) : REMOTE_KINDS;
        if (!kind.getItems().equals(kinds)) {
            kind.getItems().setAll(kinds);
        }
        kind.setValue(p == null ? ProfileKind.POSTHOG_US : p.kind());
        url.setText(local ? "" : p == null ? ProfileKind.POSTHOG_US.fixedBaseUrl() : p.baseUrl());
        url.setPromptText(local ? "inside Burrow" : "https://posthog.example.com");
        environment.setPromptText(local ? "" : "e.g. 12345");
        environment.setText(p == null || local ? "" : Long.toString(p.environmentId()));
        insecure.setSelected(p != null && p.allowInsecureHttp());
        key.clear();
        key.setPromptText(local ? "" : p != null && p.secretRef() != null ? "stored — type to replace" : "phx_…");
        for (var n : new javafx.scene.Node[] {name, kind, url, environment, key, insecure}) {
            n.setDisable(local);
        }
        if (!local) {
            url.setDisable(kind.getValue() != ProfileKind.SELF_HOSTED);
            insecure.setDisable(kind.getValue() != ProfileKind.SELF_HOSTED);
        }
        result.setText(local ? "The local workspace runs inside Burrow: no account, no key." : "");
    }

    /** The profile the form describes, or empty with the problem shown. */
    private Optional<ConnectionProfile> formProfile() {
        try {
            long env = Long.parseLong(environment.getText().strip());
            ProfileKind k = kind.getValue();
            ConnectionProfile selected = list.getSelectionModel().getSelectedItem();
            String ref = selected != null && !selected.isLocal() ? selected.secretRef() : null;
            ConnectionProfile p = switch (k) {
                case POSTHOG_US -> ConnectionProfile.postHogUs(name.getText(), env, ref);
                case POSTHOG_EU -> ConnectionProfile.postHogEu(name.getText(), env, ref);
                default -> {
                    Optional<String> problem = BaseUrls.problem(url.getText(), insecure.isSelected());
                    if (problem.isPresent()) {
                        throw new IllegalArgumentException(problem.get());
                    }
                    yield ConnectionProfile.selfHosted(name.getText(), url.getText(), env, ref, insecure.isSelected());
                }
            };
            return Optional.of(p);
        } catch (NumberFormatException e) {
            result.setText("The environment id is a number: the one in the project's URL.");
        } catch (RuntimeException e) {
            result.setText(dev.burrow.tree.TreeSession.message(e));
        }
        return Optional.empty();
    }

    private String keyFor(ConnectionProfile p) {
        String typed = key.getText();
        if (typed != null && !typed.isBlank()) {
            return typed.strip();
        }
        return p.secretRef() == null ? null : connections.apiKey(p).orElse(null);
    }

    private void test() {
        ConnectionProfile selected = list.getSelectionModel().getSelectedItem();
        if (selected != null && selected.isLocal()) {
            result.setText("The local workspace is always available.");
            return;
        }
        Optional<ConnectionProfile> p = formProfile();
        if (p.isEmpty()) {
            return;
        }
        result.setText("Testing…");
        ConnectionProfile profile = p.get();
        runner.run(() -> {
            String k = keyFor(profile);
            if (k == null) {
                return new ConnectionProbe.Result(false, "Enter the personal API key.");
            }
            try (PostHogClient client = PostHogClient.builder(profile.baseUrl(), k, profile.environmentId()).build()) {
                return ConnectionProbe.check(client);
            }
        }, (ConnectionProbe.Result r) -> result.setText(r.message()), e -> result.setText(dev.burrow.tree.TreeSession.message(e)));
    }

    private void save() {
        Optional<ConnectionProfile> p = formProfile();
        if (p.isEmpty()) {
            return;
        }
        ConnectionProfile selected = list.getSelectionModel().getSelectedItem();
        String oldName = selected != null && !selected.isLocal() ? selected.name() : null;
        String typed = key.getText() == null || key.getText().isBlank() ? null : key.getText();
        runner.run(() -> connections.save(oldName, p.get(), typed), saved -> {
            key.clear();
            reload(saved.name());
            result.setText("Saved “" + saved.name() + "”.");
        }, e -> result.setText(dev.burrow.tree.TreeSession.message(e)));
    }

    private void saveAndConnect() {
        Optional<ConnectionProfile> p = formProfile();
        if (p.isEmpty()) {
            return;
        }
        if (key.getText() == null || key.getText().isBlank()) {
            result.setText("Enter the personal API key.");
            return;
        }
        String typed = key.getText();
        runner.run(() -> connections.save(null, p.get(), typed), saved -> {
            key.clear();
            reload(saved.name());
            connectSelected();
        }, e -> result.setText(dev.burrow.tree.TreeSession.message(e)));
    }

    private void delete() {
        ConnectionProfile selected = list.getSelectionModel().getSelectedItem();
        if (selected == null || selected.isLocal()) {
            result.setText("The local workspace can't be deleted.");
            return;
        }
        runner.run(() -> {
            connections.delete(selected.name());
            return Boolean.TRUE;
        }, ok -> reload(ConnectionProfile.LOCAL_NAME), e -> result.setText(dev.burrow.tree.TreeSession.message(e)));
    }

    private void connectSelected() {
        ConnectionProfile selected = list.getSelectionModel().getSelectedItem();
        if (selected == null) {
            saveAndConnect(); // a new connection typed into the form: Connect did nothing before it was saved
            return;
        }
        if (selected.isLocal()) {
            connect.accept(new Choice(selected, null));
            stage.close();
            return;
        }
        runner.run(() -> {
            connections.activate(selected.name());
            return connections.apiKey(selected).orElse(null);
        }, k -> {
            if (k == null) {
                result.setText("Save a personal API key for this connection first.");
                return;
            }
            connect.accept(new Choice(selected, k));
            stage.close();
        }, e -> result.setText(dev.burrow.tree.TreeSession.message(e)));
    }
}

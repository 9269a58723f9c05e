package io.crmkit.store;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Fitted models by name ({@link StoredModel}), so that a service predicts without refitting.
 * Saving under a name that exists replaces the model and counts a revision. Thread-safe. Obtain
 * from {@link CrmStore#models()}.
 */
public final class ModelStore {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final CrmStore store;

    ModelStore(CrmStore store) {
        this.store = store;
    }

    /**
     * Stores a model under its name, replacing any model stored under the same name.
     *
     * @param model the model
     * @return the revision now stored under the name: 1 for a new name
     * @throws StoreException if the database fails
     */
    public int save(StoredModel model) {
        requireNonNull(model, "model");
        ObjectNode parameters = JSON.createObjectNode();
        model.parameters().forEach(parameters::put);
        ObjectNode fittedOn = JSON.createObjectNode();
        model.fittedOn().forEach(fittedOn::put);
        return store.inTransaction("saving a fitted model", c -> {
            int revision = revision(c, model.name());
            String sql = revision == 0
                    ? "INSERT INTO crm_fitted_model (model, time_unit, fitted_s, fitted_n, parameters, metadata, "
                            + "revision, name) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
                    : "UPDATE crm_fitted_model SET model = ?, time_unit = ?, fitted_s = ?, fitted_n = ?, parameters = ?, "
                            + "metadata = ?, revision = ? WHERE name = ?";
            try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setString(1, model.model());
                s.setString(2, model.timeUnit());
                s.setLong(3, model.fittedAt().getEpochSecond());
                s.setInt(4, model.fittedAt().getNano());
                s.setString(5, JSON.writeValueAsString(parameters));
                s.setString(6, JSON.writeValueAsString(fittedOn));
                s.setInt(7, revision + 1);
                s.setString(8, model.name());
                s.executeUpdate();
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException("a JSON tree always serialises", e);
            }
            return revision + 1;
        });
    }

    private static int revision(Connection c, String name) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT revision FROM crm_fitted_model WHERE name = ?")) {
            s.setString(1, name);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getInt(1) : 0;
            }
        }
    }

    /**
     * Loads a model by name.
     *
     * @param name the name it was stored under
     * @return the model, or empty if none is stored under the name
     * @throws StoreException if the database fails
     */
    public Optional<StoredModel> load(String name) {
        requireNonNull(name, "name");
        return store.inTransaction("loading a fitted model", c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT name, model, time_unit, fitted_s, fitted_n, parameters, "
                    + "metadata FROM crm_fitted_model WHERE name = ?")) {
                s.setString(1, name);
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? Optional.of(model(r)) : Optional.<StoredModel>empty();
                }
            }
        });
    }

    /**
     * Lists the names of the stored models.
     *
     * @return the names, sorted
     * @throws StoreException if the database fails
     */
    public List<String> names() {
        return store.inTransaction("listing fitted models", c -> {
            List<String> names = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT name FROM crm_fitted_model ORDER BY name");
                    ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    names.add(r.getString(1));
                }
            }
            return List.copyOf(names);
        });
    }

    private static StoredModel model(ResultSet r) throws SQLException {
        JsonNode p = CustomerStore.read(r.getString(6).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        JsonNode m = CustomerStore.read(r.getString(7).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Map<String, Double> parameters = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = p.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            parameters.put(e.getKey(), e.getValue().asDouble());
        }
        Map<String, String> fittedOn = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = m.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            fittedOn.put(e.getKey(), e.getValue().asText());
        }
        return new StoredModel(r.getString(1), r.getString(2), r.getString(3),
                Instant.ofEpochSecond(r.getLong(4), r.getInt(5)), parameters, fittedOn);
    }
}

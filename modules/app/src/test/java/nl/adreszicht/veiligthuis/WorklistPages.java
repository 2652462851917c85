package nl.adreszicht.veiligthuis;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.ArrayList;
import java.util.List;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole worklist of a query, page after page through {@code volgende}: the suite shares one database, so a case
 * a test adds need not be on the first page of its region.
 */
public final class WorklistPages {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** More pages than any test region holds: a cursor that never ends fails instead of hanging. */
    private static final int MOST_PAGES = 200;

    private WorklistPages() {}

    /** The ids of every case listed for the query ({@code categorie=...&sorteer=...}, may be empty), in order. */
    public static List<String> ids(MockMvc mvc, String query, RequestPostProcessor who) throws Exception {
        List<String> ids = new ArrayList<>();
        for (JsonNode item : items(mvc, query, who)) {
            ids.add(item.get("id").asString());
        }
        return ids;
    }

    /** Every item listed for the query, in order. */
    public static List<JsonNode> items(MockMvc mvc, String query, RequestPostProcessor who) throws Exception {
        List<JsonNode> items = new ArrayList<>();
        String cursor = null;
        for (int page = 0; page < MOST_PAGES; page++) {
            String url = "/api/v1/werkvoorraad?aantal=100&" + query + (cursor == null ? "" : "&na=" + cursor);
            var response = mvc.perform(get(url).with(who)).andReturn().getResponse();
            if (response.getStatus() != 200) {
                throw new AssertionError(
                        url + " answered " + response.getStatus() + ": " + response.getContentAsString());
            }
            JsonNode body = JSON.readTree(response.getContentAsString());
            body.get("items").forEach(items::add);
            JsonNode next = body.get("volgende");
            if (next == null || next.isNull()) {
                return items;
            }
            cursor = next.asString();
        }
        throw new AssertionError("more than " + MOST_PAGES + " pages: the cursor does not advance");
    }
}

package nl.adreszicht.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OpenAPI document exactly as the application serves it at {@code /api/v1/openapi.json}, written to {@code
 * target/openapi.json} for the NL API Design Rules linter that runs later in the build (see the app module's pom).
 */
@SpringBootTest
@AutoConfigureMockMvc
class OpenApiDocumentTest {

    /** Where the linter reads the document; the build sets it, a run from the IDE writes under target/. */
    static final Path DOCUMENT = Path.of(System.getProperty("adreszicht.openapi.document", "target/openapi.json"));

    @Autowired
    MockMvc mvc;

    @Test
    void theServedDocumentIsWrittenForTheLinter() throws Exception {
        String served = mvc.perform(get("/api/v1/openapi.json"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        JsonNode document = JsonMapper.builder().build().readTree(served);
        assertThat(document.at("/openapi").asString()).startsWith("3.");
        assertThat(document.get("paths").size()).isGreaterThan(20);

        Files.createDirectories(DOCUMENT.toAbsolutePath().getParent());
        Files.writeString(DOCUMENT, served);
    }
}

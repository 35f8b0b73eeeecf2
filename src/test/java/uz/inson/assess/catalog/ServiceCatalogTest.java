package uz.inson.assess.catalog;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The catalogue read from the cells of its sheet: every problem names its cell. */
class ServiceCatalogTest {
    private static List<List<String>> repositoryRows() throws Exception {
        return ServiceCatalog.rows(Files.readAllBytes(Path.of(ServiceCatalog.FILE)));
    }

    @Test
    void theRepositorysCatalogueReadsFromItsCells() throws Exception {
        List<List<String>> rows = repositoryRows();
        ServiceCatalog catalog = ServiceCatalog.fromRows(rows);
        assertEquals(ServiceCatalog.HEADER, rows.get(0));
        assertEquals(ServiceCatalog.read(Files.readAllBytes(Path.of(ServiceCatalog.FILE))).all(), catalog.all());
        assertTrue(catalog.all().size() > 200, "about 250 services");
    }

    @Test
    void aWrongHeaderAndARepeatedCodeAreNamedByCell() throws Exception {
        List<List<String>> rows = new ArrayList<>(repositoryRows());
        List<String> header = new ArrayList<>(rows.get(0));
        header.set(2, "type");
        rows.set(0, header);
        ServiceCatalog.CatalogException wrongHeader = assertThrows(ServiceCatalog.CatalogException.class, () -> ServiceCatalog.fromRows(rows));
        assertEquals(List.of("Services!C1: expected column 'kind' but found 'type'"), wrongHeader.problems());

        List<List<String>> repeated = new ArrayList<>(repositoryRows());
        repeated.add(repeated.get(1));
        ServiceCatalog.CatalogException twice = assertThrows(ServiceCatalog.CatalogException.class, () -> ServiceCatalog.fromRows(repeated));
        assertTrue(twice.problems().contains("Services!A" + repeated.size() + ": code '" + repeated.get(1).get(0) + "' appears twice"),
                twice.problems().toString());
    }

    @Test
    void rowsTheSheetLacksOrLeavesBlankAreSkipped() throws Exception {
        List<List<String>> rows = new ArrayList<>(repositoryRows());
        int services = ServiceCatalog.fromRows(rows).all().size();
        rows.add(2, List.of());
        rows.add(3, ServiceCatalog.HEADER.stream().map(column -> "").toList());
        assertEquals(services, ServiceCatalog.fromRows(rows).all().size());
    }
}

package nl.adreszicht.records;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.scheduling.annotation.Async;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Every after-commit listener is a {@link AfterCommitListener}, asynchronous on its own executor (ADR 0011). A plain
 * {@code @TransactionalEventListener} would run on the request thread, where Spring Modulith marks it processing and
 * completed in transactions of their own while the committed transaction's connection is still bound: a second
 * pooled connection per request, the wait that made registrations collapse under load (docs/performance.md).
 */
class AfterCommitListenersTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("nl.adreszicht");

    @Test
    void noTransactionalEventListenerButThroughAfterCommitListener() {
        noMethods()
                .should()
                .beAnnotatedWith(TransactionalEventListener.class)
                .because("an after-commit listener on the request thread takes a second connection (ADR 0011)")
                .check(MAIN);
    }

    @Test
    void everyAfterCommitListenerRunsOnItsOwnExecutor() {
        methods()
                .that()
                .areMetaAnnotatedWith(TransactionalEventListener.class)
                .should()
                .beAnnotatedWith(AfterCommitListener.class)
                .andShould()
                .beMetaAnnotatedWith(Async.class)
                .check(MAIN);
    }
}

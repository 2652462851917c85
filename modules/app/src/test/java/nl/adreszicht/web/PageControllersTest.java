package nl.adreszicht.web;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.lang.reflect.AnnotatedElement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import nl.adreszicht.records.PageController;
import org.junit.jupiter.api.Test;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.View;

/**
 * Every controller says whether it renders pages ({@link PageController}) or answers the API ({@link RestController}),
 * because {@link LayoutModel} makes the header, menu and breadcrumbs for page controllers only: a page controller
 * left a plain {@code @Controller} would render a page without its menu, and an API controller marked as a page would
 * pay for a menu on every request again (5.7 % of the address history's CPU, docs/performance.md).
 */
class PageControllersTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("nl.adreszicht")
            .that(resideOutsideOfPackage("nl.adreszicht.localstack.."));

    /** What a handler returns when it names a view (a page or an htmx fragment) rather than writing a body. */
    private static final Set<Class<?>> VIEWS = Set.of(String.class, ModelAndView.class, View.class);

    @Test
    void noControllerIsAPlainController() {
        noClasses()
                .that()
                .areNotAnnotations()
                .should()
                .beAnnotatedWith(Controller.class)
                .because("a controller is a @PageController (laid out by LayoutModel) or a @RestController (not)")
                .check(MAIN);
    }

    @Test
    void everyHandlerThatNamesAViewIsOnAPageController() {
        methods()
                .that()
                .areMetaAnnotatedWith(RequestMapping.class)
                .and()
                .areNotMetaAnnotatedWith(ResponseBody.class)
                .and()
                .areDeclaredInClassesThat()
                .areNotMetaAnnotatedWith(ResponseBody.class)
                .and(returnAView())
                .should()
                .beDeclaredInClassesThat()
                .areAnnotatedWith(PageController.class)
                .because("LayoutModel fills in the header, menu and breadcrumbs for page controllers only")
                .check(MAIN);
    }

    @Test
    void noPageControllerWritesBodiesOnly() {
        noClasses()
                .that()
                .areAnnotatedWith(PageController.class)
                .should()
                .beMetaAnnotatedWith(ResponseBody.class)
                .orShould()
                .beMetaAnnotatedWith(RestController.class)
                .because("an API controller that is also a page controller would get the layout's model again")
                .check(MAIN);
    }

    /** The paths decide too: no page controller answers under {@code /api/}, every API controller only there. */
    @Test
    void pageControllersStayOffTheApiAndApiControllersOnIt() {
        List<String> wrong = new ArrayList<>();
        for (JavaClass controller : controllers(PageController.class)) {
            paths(controller.reflect())
                    .filter(path -> path.startsWith("/api/") || path.equals("/api"))
                    .forEach(path -> wrong.add(controller.getSimpleName() + " (page) maps " + path));
        }
        for (JavaClass controller : controllers(RestController.class)) {
            paths(controller.reflect())
                    .filter(path -> !path.startsWith(ApiRequests.PREFIX))
                    .forEach(path -> wrong.add(controller.getSimpleName() + " (API) maps " + path));
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void theRulesSeeTheControllers() {
        // A rule over classes it cannot see passes vacuously: make sure the import found both kinds.
        assertThat(controllers(PageController.class)).hasSizeGreaterThan(20);
        assertThat(controllers(RestController.class)).hasSizeGreaterThan(15);
    }

    private static List<JavaClass> controllers(Class<? extends java.lang.annotation.Annotation> stereotype) {
        return MAIN.stream().filter(c -> c.isAnnotatedWith(stereotype)).toList();
    }

    /** Every path a controller's handlers map: the class's prefixes joined with each method's paths. */
    private static Stream<String> paths(Class<?> controller) {
        List<String> prefixes = mappedPaths(controller);
        List<String> bases = prefixes.isEmpty() ? List.of("") : prefixes;
        return Arrays.stream(controller.getDeclaredMethods())
                .filter(method -> AnnotatedElementUtils.hasAnnotation(method, RequestMapping.class))
                .flatMap(method -> {
                    List<String> own = mappedPaths(method);
                    return bases.stream()
                            .flatMap(base -> own.isEmpty()
                                    ? Stream.of(base)
                                    : own.stream().map(path -> base + path));
                });
    }

    private static List<String> mappedPaths(AnnotatedElement element) {
        RequestMapping mapping = AnnotatedElementUtils.findMergedAnnotation(element, RequestMapping.class);
        return mapping == null ? List.of() : List.of(mapping.path());
    }

    private static DescribedPredicate<JavaMethod> returnAView() {
        return DescribedPredicate.describe(
                "return a view name or view",
                method -> VIEWS.stream()
                        .anyMatch(view -> method.getRawReturnType().isAssignableTo(view)));
    }
}

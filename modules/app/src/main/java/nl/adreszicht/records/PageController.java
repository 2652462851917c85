package nl.adreszicht.records;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.stereotype.Controller;

/**
 * A controller that renders Dutch pages (Thymeleaf views and htmx fragments), as {@code @RestController} is one that
 * answers the API. {@code web} fills in the layout (header, menu per role, breadcrumbs, footer) for the handlers of
 * these controllers only, so no {@code /api/v1} request pays for a menu it never shows. A plain {@code @Controller}
 * is refused by {@code PageControllersTest}: every controller says which of the two it is.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Controller
public @interface PageController {}

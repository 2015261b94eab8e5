/** PNG charts drawn with Java2D and ImageIO (line, grouped bar, box), for the reports that commands write. */
package io.supplytwin.platform.plot;

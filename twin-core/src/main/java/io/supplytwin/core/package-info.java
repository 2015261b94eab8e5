/** Pure domain: indicator catalogue, normalisation, AHP, health index, credit and financing terms */
package io.supplytwin.core;

/** Gateway simulator and scenario runs */
package io.supplytwin.sim;

/** Features, forecasting and risk models, scored in-stream */
package io.supplytwin.ml;

/** The launcher: CLI, embedded platform start-up and HTTP. */
package io.supplytwin.app;

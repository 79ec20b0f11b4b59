/** Losses and metrics ({@link org.braindyn.losses.Losses}). */
package org.braindyn.losses;

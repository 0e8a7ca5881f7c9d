/**
 * The commands that run the face pipeline on this machine: {@code detect}, {@code embed},
 * {@code verify}, {@code compare} and {@code eval lfw}, with their shared pipeline options.
 */
package io.facesearch.cli.local;

/** {@code facesearch models}: preparing the face models the pipeline reads. */
package io.facesearch.cli.models;

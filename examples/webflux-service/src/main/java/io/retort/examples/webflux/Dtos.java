package io.retort.examples.webflux;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * The JSON bodies of the service: requests (validated, a violation is a 400) and responses.
 *
 * <pre>{@code
 * POST /users {"name": "sandy", "fullname": "Sandy Cheeks"}  ->  201 {"id": 1, "name": "sandy", ...}
 * }</pre>
 */
public final class Dtos {
    private Dtos() {}

    /** A new user, or the new values of one. */
    public record UserRequest(@NotBlank @Size(max = 30) String name, @Size(max = 100) String fullname) {}

    /** A new address. */
    public record AddressRequest(@NotBlank @Email @Size(max = 100) String email) {}

    /** A user and a first address, created together (two services, one transaction). */
    public record SignupRequest(
            @NotBlank @Size(max = 30) String name,
            @Size(max = 100) String fullname,
            @NotBlank @Email @Size(max = 100) String email) {}

    /** A user as returned. */
    public record UserResponse(Long id, String name, String fullname) {
        static UserResponse of(User u) {
            return new UserResponse(u.id, u.name, u.fullname);
        }
    }

    /** An address as returned. */
    public record AddressResponse(Long id, String email) {
        static AddressResponse of(Address a) {
            return new AddressResponse(a.id, a.email);
        }
    }

    /** A user with their addresses, as returned by a signup. */
    public record SignupResponse(UserResponse user, List<AddressResponse> addresses) {}

    /** One page of a list. */
    public record Page<T>(List<T> items, int page, int size, long total) {}

    /** An error body: 400, 404 and 409 responses. */
    public record ErrorResponse(int status, String error, List<String> details) {}
}

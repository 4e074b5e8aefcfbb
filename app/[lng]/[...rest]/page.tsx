import { notFound } from "next/navigation";

// Unknown paths inside a script render that script's not-found page rather than Next's bare default.
export default function UnknownPage() {
  notFound();
}

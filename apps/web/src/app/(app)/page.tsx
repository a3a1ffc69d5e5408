import { redirect } from 'next/navigation';

// Home is the project list.
export default function HomePage() {
  redirect('/projects');
}

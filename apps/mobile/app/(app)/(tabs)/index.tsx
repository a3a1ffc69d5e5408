import { ProjectsScreen } from '../../../src/screens/projects-screen';

export default ProjectsScreen;
